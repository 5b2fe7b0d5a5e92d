import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { describeError, hasErrors, type FieldErrors, type UiMessage } from './messages';

export type FormValues = Record<string, string | boolean>;

/** Constraints checked in the browser before the request; the server checks them again. */
export interface FieldRules {
  label: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  email?: boolean;
}

export interface FormOptions<V extends FormValues> {
  /** Prefix for element ids; must be unique on the page. */
  id: string;
  initialValues: V;
  /** Cross-field checks (e.g. "passwords match"), run after the per-field rules. */
  validate?: (values: V) => FieldErrors;
  /** Throw to show errors; return a message to show it as a success status. */
  onSubmit: (values: V) => Promise<UiMessage | void>;
}

export interface ErrorListEntry {
  id: string;
  label: string;
  messages: UiMessage[];
}

/** What every control receives from the form: identity, label and the messages to show. */
export interface FieldIdentity {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  errors: UiMessage[];
}

/** What field() hands to a text or select control. */
export interface TextBinding extends FieldIdentity {
  value: string;
  onChange: (value: string) => void;
}

/** What checkbox() hands to a checkbox. */
export interface CheckboxBinding extends FieldIdentity {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkRules(value: string | boolean, rules: FieldRules): UiMessage[] {
  if (typeof value === 'boolean') return rules.required && !value ? [{ key: 'validation.mustConfirm' }] : [];
  const trimmed = value.trim();
  if (!trimmed) return rules.required ? [{ key: 'validation.required' }] : [];
  const messages: UiMessage[] = [];
  if (rules.email && !EMAIL_PATTERN.test(trimmed)) messages.push({ key: 'validation.email' });
  if (rules.minLength && value.length < rules.minLength) {
    messages.push({ key: 'validation.minLength', params: { count: rules.minLength } });
  }
  if (rules.maxLength && value.length > rules.maxLength) {
    messages.push({ key: 'validation.maxLength', params: { count: rules.maxLength } });
  }
  return messages;
}

/**
 * State, validation and error handling for every form: per-field messages from the browser
 * checks or the API's `details`, one form-level message, focus on the error summary after
 * a failed submit, and an optional success status.
 */
export function useForm<V extends FormValues>(options: FormOptions<V>) {
  const { id, initialValues, validate, onSubmit } = options;
  const [values, setValues] = useState<V>(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<UiMessage | null>(null);
  const [success, setSuccess] = useState<UiMessage | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failures, setFailures] = useState(0);
  // Filled by field()/checkbox() while this render runs, so fields no longer shown stop
  // validating. handleSubmit and errorList of the same render read it. So field() must be
  // called in the form's own render (as props of its fields), not inside child components.
  const rules = new Map<string, FieldRules>();
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const fieldId = useCallback((name: string) => `${id}-${name.replace(/[^\w-]/g, '-')}`, [id]);

  const setValue = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((previous) => ({ ...previous, [name]: value }));
  }, []);

  /** Registers the field's rules for this render and returns what every control needs. */
  function bind(name: keyof V & string, fieldRules: FieldRules): FieldIdentity {
    rules.set(name, fieldRules);
    return { id: fieldId(name), name, label: fieldRules.label, required: fieldRules.required, errors: fieldErrors[name] ?? [] };
  }

  function field(name: keyof V & string, fieldRules: FieldRules): TextBinding {
    return { ...bind(name, fieldRules), value: String(values[name] ?? ''), onChange: (value) => setValue(name, value as V[typeof name]) };
  }

  function checkbox(name: keyof V & string, fieldRules: FieldRules): CheckboxBinding {
    return { ...bind(name, fieldRules), checked: Boolean(values[name]), onChange: (checked) => setValue(name, checked as V[typeof name]) };
  }

  function clientErrors(): FieldErrors {
    const errors: FieldErrors = {};
    for (const [name, fieldRules] of rules) {
      const messages = checkRules(values[name] ?? '', fieldRules);
      if (messages.length > 0) errors[name] = messages;
    }
    for (const [name, messages] of Object.entries(validate?.(values) ?? {})) {
      if (messages.length > 0) errors[name] = [...(errors[name] ?? []), ...messages];
    }
    return errors;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSuccess(null);
    setFormError(null);
    const errors = clientErrors();
    setFieldErrors(errors);
    if (hasErrors(errors)) {
      setFailures((count) => count + 1);
      return;
    }
    setSubmitting(true);
    try {
      const result = await onSubmit(values);
      if (result) setSuccess(result);
    } catch (error) {
      const described = describeError(error);
      setFormError(described.formError);
      setFieldErrors(described.fieldErrors);
      setFailures((count) => count + 1);
    } finally {
      setSubmitting(false);
    }
  }

  /** Called while rendering the summary, i.e. after the fields have registered their labels. */
  function errorList(): ErrorListEntry[] {
    return Object.entries(fieldErrors)
      .filter(([, messages]) => messages.length > 0)
      .map(([name, messages]) => ({ id: fieldId(name), label: rules.get(name)?.label ?? name, messages }));
  }

  function reset(next: V = initialValues) {
    setValues(next);
    setFieldErrors({});
    setFormError(null);
  }

  return {
    id,
    values,
    setValue,
    field,
    checkbox,
    fieldErrors,
    formError,
    success,
    submitting,
    handleSubmit,
    summaryRef,
    errorList,
    reset,
  };
}

/** What the <Form> frame needs from a form, independent of its values. */
export interface FormFrame {
  id: string;
  formError: UiMessage | null;
  success: UiMessage | null;
  submitting: boolean;
  handleSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  summaryRef: RefObject<HTMLDivElement | null>;
  errorList: () => ErrorListEntry[];
}

/** Cross-field rule: the repeat field must equal the original (e.g. a new password typed twice). */
export function repeatMustMatch(values: FormValues, original: string, repeat: string): FieldErrors {
  const errors: FieldErrors = {};
  if (values[repeat] && values[repeat] !== values[original]) errors[repeat] = [{ key: 'validation.passwordsDiffer' }];
  return errors;
}
