import type { ChangeEvent, InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage, type UiMessage } from '../../lib/messages';
import type { CheckboxBinding, FieldIdentity, TextBinding } from '../../lib/use-form';

interface FrameProps extends FieldIdentity {
  hint?: ReactNode;
  /** Right after the label, outside it (e.g. a hard term's explanation, TermToggle). */
  labelAddon?: ReactNode;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true; className: string }) => ReactNode;
  inputClass: string;
}

/** The hint and the error message describe the control, in that order. */
function describedBy(id: string, hint: ReactNode, hasError: boolean): string | undefined {
  return [hint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** Label, hint, error and control in KERN's form-input markup, wired for assistive technology. */
function FieldFrame({ id, label, required, errors, hint, labelAddon, children, inputClass }: FrameProps) {
  const { t } = useTranslation();
  const hasError = errors.length > 0;
  const labelElement = (
    <label className="kern-label" htmlFor={id}>
      {label}
      {required ? null : <span className="kern-label__optional"> {t('form.optional')}</span>}
    </label>
  );
  return (
    <div className={`kern-form-input${hasError ? ' kern-form-input--error' : ''}`}>
      {labelAddon ? (
        <div className="field-label-row">
          {labelElement}
          {labelAddon}
        </div>
      ) : (
        labelElement
      )}
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {children({
        'aria-describedby': describedBy(id, hint, hasError),
        'aria-invalid': hasError || undefined,
        className: `${inputClass}${hasError ? ` ${inputClass}--error` : ''}`,
      })}
      {hasError ? <FieldError id={`${id}-error`} errors={errors} /> : null}
    </div>
  );
}

interface FormFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** The control's class (KERN's input class by default; the select class for a select). */
  inputClass?: string;
  children: FrameProps['children'];
}

/**
 * The same frame (label, hint, wiring) for a control that is not bound through useForm — the live
 * console's actions, which are not REST forms and have no required/optional distinction to show.
 */
export function FormField({ id, label, hint, inputClass = 'kern-form-input__input', children }: FormFieldProps) {
  return (
    <FieldFrame id={id} name={id} label={label} required errors={[]} hint={hint} inputClass={inputClass}>
      {children}
    </FieldFrame>
  );
}

export function FieldError({ id, errors }: { id: string; errors: UiMessage[] }) {
  const { t } = useTranslation();
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">{errors.map((message) => translateMessage(t, message)).join(' ')}</span>
    </p>
  );
}

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'name' | 'className'>;

interface TextFieldProps extends TextBinding, NativeInput {
  hint?: ReactNode;
  labelAddon?: ReactNode;
  multiline?: boolean;
  rows?: number;
}

export function TextField({
  id,
  name,
  label,
  required,
  errors,
  hint,
  labelAddon,
  value,
  onChange,
  multiline,
  rows = 4,
  ...native
}: TextFieldProps) {
  return (
    <FieldFrame
      id={id}
      name={name}
      label={label}
      required={required}
      errors={errors}
      hint={hint}
      labelAddon={labelAddon}
      inputClass="kern-form-input__input"
    >
      {(aria) => {
        const control = {
          ...aria,
          id,
          name,
          value,
          required,
          onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
        };
        return multiline ? <textarea {...control} rows={rows} /> : <input {...native} {...control} />;
      }}
    </FieldFrame>
  );
}

interface FileFieldProps extends TextBinding, Omit<NativeInput, 'type'> {
  hint?: ReactNode;
  /** The chosen file (null when the choice was cleared); the bound value receives its name. */
  onFile: (file: File | null) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** A native file input in the same frame as every field; the file itself stays with the caller. */
export function FileField({ id, name, label, required, errors, hint, value, onChange, onFile, inputRef, ...native }: FileFieldProps) {
  void value; // a file input cannot be controlled; the caller keeps the file
  return (
    <FieldFrame id={id} name={name} label={label} required={required} errors={errors} hint={hint} inputClass="kern-form-input__input">
      {(aria) => (
        <input
          {...native}
          {...aria}
          className={`${aria.className} file-input`}
          ref={inputRef}
          type="file"
          id={id}
          name={name}
          required={required}
          onChange={(event) => {
            const file = event.target.files?.[0] ?? null;
            onFile(file);
            onChange(file?.name ?? '');
          }}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  /** The option's own language where it differs from the page's (a language named in itself). */
  lang?: string;
}

interface SelectFieldProps extends TextBinding {
  options: SelectOption[];
  hint?: ReactNode;
  /** Text of an empty first option, for optional choices. */
  emptyOption?: string;
  disabled?: boolean;
}

export function SelectField({
  id,
  name,
  label,
  required,
  errors,
  hint,
  value,
  onChange,
  options,
  emptyOption,
  disabled,
}: SelectFieldProps) {
  return (
    <FieldFrame id={id} name={name} label={label} required={required} errors={errors} hint={hint} inputClass="kern-form-input__select">
      {(aria) => (
        <div className="kern-form-input__select-wrapper">
          <select
            {...aria}
            id={id}
            name={name}
            value={value}
            required={required}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value)}
          >
            {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
            {options.map((option) => (
              <option key={option.value} value={option.value} lang={option.lang}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}

interface CheckboxFieldProps extends CheckboxBinding {
  hint?: ReactNode;
}

export function CheckboxField({ id, name, label, required, errors, hint, checked, onChange }: CheckboxFieldProps) {
  const hasError = errors.length > 0;
  return (
    <div className={`kern-form-check${hasError ? ' kern-form-check--error' : ''}`}>
      <input
        className={`kern-form-check__checkbox${hasError ? ' kern-form-check__checkbox--error' : ''}`}
        type="checkbox"
        id={id}
        name={name}
        checked={checked}
        required={required}
        aria-describedby={describedBy(id, hint, hasError)}
        aria-invalid={hasError || undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint form-check__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {hasError ? <FieldError id={`${id}-error`} errors={errors} /> : null}
    </div>
  );
}

interface ChoiceFieldsetProps extends FieldIdentity {
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A group of checkboxes as one field: legend, hint and error in KERN's fieldset markup, wired like FieldFrame. */
export function ChoiceFieldset({ id, label, required, errors, hint, className, children }: ChoiceFieldsetProps) {
  const { t } = useTranslation();
  const hasError = errors.length > 0;
  return (
    <fieldset
      className={`kern-fieldset${className ? ` ${className}` : ''}${hasError ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy(id, hint, hasError)}
    >
      <legend className="kern-label">
        {label}
        {required ? null : <span className="kern-label__optional"> {t('form.optional')}</span>}
      </legend>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {hasError ? <FieldError id={`${id}-error`} errors={errors} /> : null}
      {children}
    </fieldset>
  );
}

/** The values of a checkbox group, which the form keeps as one comma-separated value. */
export const splitChoices = (value: string) => value.split(',').filter(Boolean);

interface CheckboxGroupFieldProps extends TextBinding {
  options: SelectOption[];
  hint?: ReactNode;
}

/**
 * A multiple choice as a fieldset of checkboxes. The form keeps the chosen values as one
 * comma-separated value (values must not contain commas), so required-checks and the error summary
 * work like for any field; the first checkbox carries the field id, so the summary's link lands here.
 */
export function CheckboxGroupField({ id, name, label, required, errors, hint, value, onChange, options }: CheckboxGroupFieldProps) {
  const chosen = new Set(splitChoices(value));
  const hasError = errors.length > 0;
  const toggle = (option: string, on: boolean) => {
    // Keep the order of the options, whatever the order of the clicks.
    onChange(
      options
        .map((o) => o.value)
        .filter((v) => (v === option ? on : chosen.has(v)))
        .join(','),
    );
  };
  return (
    <ChoiceFieldset id={id} name={name} label={label} required={required} errors={errors} hint={hint}>
      <div className="kern-fieldset__body">
        {options.map((option, index) => {
          const inputId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div key={option.value} className="kern-form-check">
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                id={inputId}
                name={name}
                value={option.value}
                checked={chosen.has(option.value)}
                aria-invalid={hasError || undefined}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label className="kern-label" htmlFor={inputId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}
