// The viewer's one piece of shared state (which place is selected), kept in one place: modules read it with
// get(), change it with set() and learn of changes through subscribe(), instead of sharing variables.
export function createStore(initial) {
  let state = Object.freeze({ ...initial });
  const listeners = [];
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = Object.freeze({ ...state, ...patch });
      listeners.forEach((listener) => listener(state, previous));
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}
