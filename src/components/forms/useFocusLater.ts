import { useCallback, useEffect, useState } from "react";

/**
 * Moves focus to an element by id once React has rendered it: a heading after a step or panel
 * change, the error summary or first wrong field after a refused submit, the opener on close.
 */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  // A new object each time, so asking for the same id twice focuses twice.
  return useCallback((id: string) => setTarget({ id }), []);
}
