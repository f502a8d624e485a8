import type { Strings } from '../strings'

/**
 * Arabic (Modern Standard), right to left. Written without vowel marks, so "you" reads for a man or
 * a woman alike; feelings agree with "the experience" and satisfaction is a level. The limit is a
 * label ("Maximum number of characters: 500"), so the number needs no dual or plural form.
 */
export default {
  close: 'إغلاق الاستبيان',
  thanks: 'شكرًا على إجابتك!',
  opened: 'فُتح استبيان قصير: %1',
  of: 'من',
  step: 'السؤال %1 من %2',
  stepAt: 'السؤال %1',
  next: 'التالي',
  send: 'إرسال',
  other: 'غير ذلك',
  otherText: 'غير ذلك، يُرجى التحديد',
  limit: 'الحد الأقصى لعدد الأحرف: %1',
  yes: 'نعم',
  no: 'لا',
  feelings: ['محبطة', 'مخيبة للآمال', 'عادية', 'ممتعة', 'رائعة'],
  templates: {
    goal: ['هل تمكنت من إنجاز ما جئت من أجله؟'],
    effort: ['كان من السهل إنجاز ما جئت من أجله.', 'لا أوافق إطلاقًا', 'أوافق تمامًا'],
    feeling: ['كيف كانت التجربة؟'],
    csat: ['ما مستوى رضاك؟', 'منخفض جدًا', 'مرتفع جدًا'],
    nps: ['ما مدى احتمال أن توصي بنا لصديق أو زميل؟', 'غير محتمل إطلاقًا', 'محتمل جدًا'],
  },
} satisfies Strings
