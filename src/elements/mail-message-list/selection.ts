/**
 * The list's selection rules, kept apart from the DOM so they read (and test) as plain functions: a click selects one
 * row, ctrl/cmd-click toggles one, shift-click selects the range from the anchor (added to the selection with ctrl).
 */
export interface SelectionState {
  /** Selected ids. */
  selected: ReadonlySet<string>;
  /** Where a shift range starts. */
  anchor: string | undefined;
  /** The row the keyboard is on. */
  active: string | undefined;
}

export interface PointerModifiers {
  shift: boolean;
  /** Ctrl, or Cmd on macOS. */
  toggle: boolean;
}

/** The ids between `from` and `to`, both included, in list order. */
export function rangeOf(ids: readonly string[], from: string | undefined, to: string): string[] {
  const end = ids.indexOf(to);
  const start = from === undefined ? -1 : ids.indexOf(from);
  if (end < 0) return [];
  if (start < 0) return [to];
  return ids.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** The selection after a click (or a key press with the same modifiers) on `id`. */
export function selectWith(
  state: SelectionState,
  ids: readonly string[],
  id: string,
  modifiers: PointerModifiers,
): SelectionState {
  if (modifiers.shift) {
    const range = rangeOf(ids, state.anchor ?? state.active, id);
    const selected = modifiers.toggle ? new Set([...state.selected, ...range]) : new Set(range);
    return { selected, anchor: state.anchor ?? state.active ?? id, active: id };
  }
  if (modifiers.toggle) {
    const selected = new Set(state.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: id, active: id };
  }
  return { selected: new Set([id]), anchor: id, active: id };
}
