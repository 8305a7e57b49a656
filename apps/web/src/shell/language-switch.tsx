import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLanguage } from '../i18n/language-context.tsx';

/** Switches between Simplified Chinese and English; the label is the language you switch TO, in that language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useLanguage();
  const target = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button data-testid="lang-switch" icon={<TranslationOutlined />} title={t('lang.switchLabel')} onClick={() => setLang(target)}>
      <span lang={target}>{t('lang.switchTo')}</span>
    </Button>
  );
}
