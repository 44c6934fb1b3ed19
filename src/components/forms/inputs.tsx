import type { InputHTMLAttributes } from "react";

/** What an input of the kit takes: any input attribute, with a value and a change handler of strings. */
type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
};

/** An email address: no capital or spelling fixes from the phone's keyboard; 254 characters (RFC 5321). */
export function EmailInput({ value, onChange, ...rest }: Props) {
  return (
    <input
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      maxLength={254}
      {...rest}
      type="email"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A password, shown as text while `visible`; at most 200 characters, as the API takes. */
export function PasswordInput({ value, onChange, visible = false, ...rest }: Props & { visible?: boolean }) {
  return (
    <input
      maxLength={200}
      {...rest}
      type={visible ? "text" : "password"}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A mainland mobile number: the number pad, digits only (spaces and dashes typed are dropped), 11 of them. */
export function PhoneInput({ value, onChange, ...rest }: Props) {
  return (
    <input
      inputMode="numeric"
      autoComplete="tel-national"
      maxLength={11}
      {...rest}
      type="tel"
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ""))}
    />
  );
}

/** A code read off paper or a screen: capitals, no spelling fixes or autofill from the phone's keyboard. */
export function CodeInput({ value, onChange, ...rest }: Props) {
  return (
    <input
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      {...rest}
      type="text"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
