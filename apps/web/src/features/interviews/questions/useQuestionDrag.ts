import { useState, type DragEvent, type HTMLAttributes } from 'react';

interface DropTarget {
  index: number;
  /** Drop before the target (upper half) or after it (lower half). */
  isBefore: boolean;
}

/**
 * Native drag and drop for the question list: the handle starts a drag of its whole item, items accept drops.
 * Keyboard users move questions with the Up and Down buttons instead.
 */
export function useQuestionDrag(onMove: (from: number, to: number) => void) {
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);

  function reset() {
    setDragIndex(null);
    setTarget(null);
  }

  function handleProps(index: number): HTMLAttributes<HTMLSpanElement> {
    return {
      draggable: true,
      onDragStart: (event: DragEvent<HTMLSpanElement>) => {
        const item = event.currentTarget.closest('li');
        if (item) event.dataTransfer.setDragImage(item, 16, 16);
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', String(index));
        setDragIndex(index);
      },
      onDragEnd: reset,
    };
  }

  function dropProps(index: number): HTMLAttributes<HTMLLIElement> {
    if (dragIndex === null) return {};
    const isTarget = target?.index === index;
    const className = [
      dragIndex === index ? 'question--dragging' : '',
      isTarget ? (target.isBefore ? 'question--drop-before' : 'question--drop-after') : '',
    ].join(' ');
    return {
      className: `question ${className}`.trim(),
      onDragOver: (event: DragEvent<HTMLLIElement>) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const box = event.currentTarget.getBoundingClientRect();
        const isBefore = event.clientY < box.top + box.height / 2;
        if (target?.index !== index || target.isBefore !== isBefore) setTarget({ index, isBefore });
      },
      onDrop: (event: DragEvent<HTMLLIElement>) => {
        event.preventDefault();
        const from = dragIndex;
        const isBefore = target?.index === index ? target.isBefore : true;
        // Where the item lands once it has left its old place.
        let to = isBefore ? index : index + 1;
        if (from < to) to -= 1;
        reset();
        if (to !== from) onMove(from, to);
      },
    };
  }

  return { handleProps, dropProps };
}
