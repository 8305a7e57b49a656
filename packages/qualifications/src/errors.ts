// Errors name the field and the rule that was broken, in Chinese and English.

export interface ProfileIssue {
  /** Path of the field, e.g. "financials[1].rdExpense". */
  field: string;
  /** The rule broken, e.g. "non_negative". */
  rule: string;
  message: string;
  message_en: string;
}

export class ProfileValidationError extends Error {
  readonly issues: ProfileIssue[];
  readonly profileId: string | null;

  constructor(profileId: string | null, issues: ProfileIssue[]) {
    const first = issues[0];
    super(first ? `${first.message_en} / ${first.message}` : 'invalid profile');
    this.name = 'ProfileValidationError';
    this.issues = issues;
    this.profileId = profileId;
  }
}

export class RuleSelectionError extends Error {
  readonly field: string;
  readonly message_zh: string;

  constructor(field: string, zh: string, en: string) {
    super(en);
    this.name = 'RuleSelectionError';
    this.field = field;
    this.message_zh = zh;
  }
}
