import type { Strings } from '../strings'

/**
 * Hebrew, right to left, addressing the customer in the plural (as Hebrew interfaces do to speak to
 * everyone alike); feelings agree with "the experience", satisfaction is a level, and the effort
 * statement is answered "not true at all … very true", so no label depends on gender.
 */
export default {
  close: 'סגירת הסקר',
  thanks: 'תודה על התשובה!',
  opened: 'נפתח סקר קצר: %1',
  of: 'מתוך',
  step: 'שאלה %1 מתוך %2',
  stepAt: 'שאלה %1',
  next: 'המשך',
  send: 'שליחה',
  other: 'אחר',
  otherText: 'אחר (נא לפרט)',
  limit: 'עד %1 תווים',
  yes: 'כן',
  no: 'לא',
  feelings: ['מתסכלת', 'מאכזבת', 'ניטרלית', 'נעימה', 'מצוינת'],
  templates: {
    goal: ['הצלחתם לעשות את מה שבאתם בשבילו?'],
    effort: ['היה לי קל לעשות את מה שבאתי בשבילו.', 'בכלל לא נכון', 'נכון מאוד'],
    feeling: ['איך הייתה החוויה?'],
    csat: ['מה רמת שביעות הרצון שלכם?', 'נמוכה מאוד', 'גבוהה מאוד'],
    nps: ['מה הסיכוי שתמליצו עלינו לחבר או לעמית?', 'בכלל לא סביר', 'סביר מאוד'],
  },
} satisfies Strings
