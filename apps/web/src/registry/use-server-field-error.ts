import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { formFieldOf } from './fiscal-year-form-model.ts';

/**
 * The server names the field at fault: its message goes under that form field (in the user's language), any
 * other error above the form. The typed values are never touched, so nothing is lost.
 */
export function useServerFieldError(form: FormInstance, fields: readonly string[]) {
  const { lang, t } = useLanguage();
  const [general, setGeneral] = useState<string | null>(null);
  const show = (error: unknown) => {
    const text = errorMessage(error, lang, t);
    const field = formFieldOf(error instanceof ApiError ? error.field : null, fields);
    if (field) {
      form.setFields([{ name: field, errors: [text] }]);
      form.scrollToField(field);
      setGeneral(null);
    } else {
      setGeneral(text);
    }
  };
  return { general, show, clear: () => setGeneral(null) };
}
