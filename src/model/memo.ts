/**
 * Facts derived from a whole model, computed once per model. The IR is never changed after
 * resolution, so an index over it (which commands an orchestrator sends, what triggers each
 * command) stays true for as long as the model lives; a WeakMap lets it go with the model.
 * Without this, a question asked once per context re-walks the whole model each time, and the
 * generators grow with the square of the model's size.
 */
export function perModel<M extends object, T>(derive: (model: M) => T): (model: M) => T {
  const cache = new WeakMap<M, T>();
  return (model) => {
    if (cache.has(model)) return cache.get(model)!;
    const value = derive(model);
    cache.set(model, value);
    return value;
  };
}
