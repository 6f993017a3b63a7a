import type { Ref } from 'preact';
import type { JSX } from 'preact/jsx-runtime';

/** A labelled text input with an optional hint under it, tied together for screen readers. */
export function TextField({
  id,
  label,
  value,
  onValue,
  hint,
  inputRef,
  ...rest
}: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
} & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'ref' | 'onInput'>) {
  return (
    <>
      <label class="field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        class="input"
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...rest}
      />
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </>
  );
}
