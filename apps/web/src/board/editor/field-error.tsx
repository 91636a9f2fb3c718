// The message under a field; its id is what the field's aria-describedby points at.
export function FieldErrorText({ id, message }: { id: string; message?: string | undefined }) {
  if (!message) return null;
  return <p id={id} className="field-error" role="alert">{message}</p>;
}

export function errorProps(id: string, message?: string) {
  return message ? { "aria-invalid": true as const, "aria-describedby": id } : {};
}
