import { rule } from '../../src/model/rules/msa602-image-reference.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a registry with a port and a path with separators, a tag with dots and dashes.',
      edits: [
        {
          after: 'kafka:',
          insert: `
            deploy:
              image:
                registry: registry.example.gov:5000/gov__apps/permit-office.v2
                tag: 1.4.0-rc.1_build7
          `,
        },
      ],
    },
    {
      name: 'ipv6: a registry on an IPv6 address, a single-component repository path.',
      edits: [
        {
          after: 'kafka:',
          insert: `
            deploy:
              image:
                registry: "[fd00::1]:5000/permits"
                tag: latest
          `,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'an image registry written as a URL, with capitals in its path and a trailing slash.',
      edits: [
        {
          after: 'kafka:',
          insert: `
            deploy:
              image:
                registry: https://Registry.example.gov/Permits/
                tag: 1.4.0
          `,
        },
      ],
      errors: [
        { messageId: 'registryUrl', line: 15, column: 17 },
      ],
    },
    {
      name: 'tag: a registry with capitals in its path, and a tag with a line break (it would end the Dockerfile\'s comment line and start an instruction).',
      edits: [
        {
          after: 'kafka:',
          insert: `
            deploy:
              image:
                registry: registry.example.gov/Permits
                tag: "1.4.0\\nRUN touch /pwned"
          `,
        },
      ],
      errors: [
        { messageId: 'registryCapitals', line: 15, column: 17 },
        { messageId: 'invalidTag', line: 16, column: 12 },
      ],
    },
    {
      name: 'a registry ending in a slash',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          deploy:
            image:
              registry: registry.example.gov/permits/
      `,
      errors: [
        { messageId: 'registryTrailingSlash', line: 7, column: 17 },
      ],
    },
    {
      name: 'a registry with an empty host label',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          deploy:
            image:
              registry: registry..example.gov/permits
      `,
      errors: [
        { messageId: 'registryInvalid', line: 7, column: 17 },
      ],
    },
    {
      name: 'a registry of 250 characters makes the repository name of context application too long',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          deploy:
            image:
              registry: registry.example.gov/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      `,
      errors: [
        { messageId: 'registryTooLong', line: 7, column: 17, data: { context: 'application', length: '263', limit: '255', max: '243' } },
      ],
    },
  ],
});
