/**
 * The build of the generators this CLI runs: a hash of the sources scripts/build.mjs bundled,
 * which it defines as `__MSA_GEN_BUILD__`. Part of every service's cache key
 * (src/core/service-cache.ts), so a rebuilt msa-gen never reuses what another build generated.
 * Running from the sources (no build), it is undefined and nothing is reused.
 */
declare const __MSA_GEN_BUILD__: string | undefined;

export const GENERATOR_BUILD: string | undefined = typeof __MSA_GEN_BUILD__ === 'string' ? __MSA_GEN_BUILD__ : undefined;
