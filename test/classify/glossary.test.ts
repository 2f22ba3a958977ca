import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.js';
import { features, needsGloss, THAI_TERM } from '../../src/classify/features.js';
import { glossText } from '../../src/classify/gloss.js';
import {
  ARABIC_GLOSSARY,
  CZECH_GLOSSARY,
  DUTCH_GLOSSARY,
  FINNISH_GLOSSARY,
  GERMAN_GLOSSARY,
  HEBREW_GLOSSARY,
  HUNGARIAN_GLOSSARY,
  ITALIAN_GLOSSARY,
  PERSIAN_GLOSSARY,
  POLISH_GLOSSARY,
  ROMANIAN_GLOSSARY,
  RUSSIAN_GLOSSARY,
  SCANDINAVIAN_GLOSSARY,
  SHORTHAND_GLOSSARY,
  spellings,
  TERM_GLOSSARIES,
  TURKISH_GLOSSARY,
  UKRAINIAN_GLOSSARY,
  WORD_GLOSSARIES,
} from '../../src/classify/glossary/index.js';
import { saysDeclineReason } from '../../src/classify/safety.js';
import type { Flow } from '../../src/core/types.js';
import { providers } from '../../src/data/providers/index.js';
import { fold } from '../../src/text/fold.js';

/** A message of a glossed language, classified on its flow: an answer, with the outcome (and the code, where given) expected. */
function readsAs(message: string, flow: Flow, outcome: string, unified?: string): void {
  const c = classify({ message, flow });
  expect(c.unified).not.toBe('unmapped');
  expect(c.outcome).toBe(outcome);
  if (unified !== undefined) expect(c.unified).toBe(unified);
}

/** A message gets the code its English words get, and the language's word for a time-out reads unknown/query. */
function readsAsEnglish(message: string, english: string, timedOut: string): void {
  expect(classify({ message, flow: 'payment' }).unified).toBe(classify({ message: english, flow: 'payment' }).unified);
  const timeout = classify({ message: timedOut, flow: 'payment' });
  expect([timeout.outcome, timeout.next]).toEqual(['unknown', 'query']);
}

/** Each message reads its negation in English (`english`), and none is a payment that went through. */
function readsNegated(messages: readonly string[], english: RegExp): void {
  for (const message of messages) {
    expect(glossText(fold(message)), message).toMatch(english);
    expect(classify({ message, flow: 'payment' }).outcome, message).not.toBe('succeeded');
  }
}

/** The features of an English text, less the bias. */
const english = (w: string) => features(fold(w), '', undefined).slice(1);
/** The feature set of a text. */
const featureSet = (t: string) => new Set(features(fold(t), '', undefined));
/** What a feature of `t` quotes from it. */
function quotes(t: string): string[] {
  const feats: number[] = [];
  const spans: number[] = [];
  const text = fold(t);
  features(text, '', undefined, feats, spans);
  return feats.map((_, i) => text.slice(spans[2 * i] as number, spans[2 * i + 1] as number));
}

describe('glossaries of languages written with spaces', () => {
  it('keeps Vietnamese letters with two marks inside their word', () => {
    // ị (U+1ECB) is outside Latin-1 and Latin Extended: it must not split "dịch" into "d" and "ch".
    expect(features(fold('dịch'), '', undefined)).toHaveLength(2);
    expect(quotes('lỗi')).toContain('lỗi');
  });

  it('reads a phrase of two or three words only where its words stand side by side', () => {
    const transaction = english('transaction');
    const phrase = featureSet('Giao dịch');
    for (const f of transaction) expect(phrase.has(f)).toBe(true);
    // Punctuation between the words breaks the phrase.
    const apart = featureSet('giao, dịch');
    expect(transaction.some((f) => apart.has(f))).toBe(false);
    // Three words: "không hợp lệ" is "invalid", quoted whole.
    const invalid = english('invalid');
    const three = featureSet('Chữ ký không hợp lệ');
    for (const f of invalid) expect(three.has(f)).toBe(true);
    expect(quotes('Chữ ký không hợp lệ')).toContain('không hợp lệ');
    // Indonesian: "tidak cukup" is "insufficient", where "tidak" alone is "not".
    const insufficient = featureSet('Saldo tidak cukup');
    for (const f of english('insufficient')) expect(insufficient.has(f)).toBe(true);
  });

  it('reads phrases without their tone marks, but never a bare syllable that is an English word', () => {
    const plain = featureSet('giao dich thanh cong');
    for (const f of [...english('transaction'), ...english('success')]) expect(plain.has(f)).toBe(true);
    // thẻ is "card"; without its mark it is "the", which must stay "the".
    expect(featureSet('thẻ').has(english('card')[0] as number)).toBe(true);
    expect(features(fold('the'), '', undefined)).toHaveLength(2);
    // Portuguese words are read accented or not, as Spanish ones are.
    for (const t of ['Transação recusada', 'transacao recusada']) {
      const s = featureSet(t);
      for (const f of [...english('transaction'), ...english('declined')]) expect(s.has(f)).toBe(true);
    }
  });

  it('holds keys that the scan can meet: folded, at most three words, one English reading per spelling', () => {
    const seen = new Map<string, { en: string; language: number }>();
    for (const [language, { words, plain }] of WORD_GLOSSARIES.entries()) {
      for (const [key, en] of Object.entries(words)) {
        expect(fold(key)).toBe(key);
        expect(key.split(' ').length).toBeLessThanOrEqual(3);
        expect(en).toMatch(/^[a-z]+( [a-z]+)*$/);
        for (const s of spellings(key, plain)) {
          // A word shared by two languages (saldo, fraude) must mean the same in both.
          const other = seen.get(s);
          if (other !== undefined && other.language !== language) expect([s, other.en]).toEqual([s, en]);
          seen.set(s, { en, language });
        }
      }
    }
    for (const { terms } of TERM_GLOSSARIES) {
      for (const term of Object.keys(terms)) {
        expect(fold(term).length).toBeGreaterThanOrEqual(2);
        expect(fold(term).length).toBeLessThanOrEqual(THAI_TERM);
      }
    }
  });
});

describe('glossaries added after the others', () => {
  it('German, Italian, Turkish, Polish, Russian, Dutch, Czech, Hebrew, Arabic, Ukrainian, Hungarian, Romanian, Scandinavian, Finnish, the shorthand and Persian hold no key of an earlier glossary, so texts of those languages read as before', () => {
    const later = [
      GERMAN_GLOSSARY,
      ITALIAN_GLOSSARY,
      TURKISH_GLOSSARY,
      POLISH_GLOSSARY,
      RUSSIAN_GLOSSARY,
      DUTCH_GLOSSARY,
      CZECH_GLOSSARY,
      HEBREW_GLOSSARY,
      ARABIC_GLOSSARY,
      UKRAINIAN_GLOSSARY,
      HUNGARIAN_GLOSSARY,
      ROMANIAN_GLOSSARY,
      SCANDINAVIAN_GLOSSARY,
      FINNISH_GLOSSARY,
      SHORTHAND_GLOSSARY,
      PERSIAN_GLOSSARY,
    ];
    const shared: string[] = [];
    for (const [n, g] of later.entries()) {
      const earlier = new Set<string>();
      for (const { words, plain } of WORD_GLOSSARIES) {
        if (later.indexOf(words) >= n) continue;
        for (const key of Object.keys(words)) for (const s of spellings(key, plain)) earlier.add(s);
      }
      shared.push(...Object.keys(g).filter((key) => spellings(fold(key), 'all').some((s) => earlier.has(s))));
    }
    expect(shared).toEqual([]);
  });

  it('reads Turkish in upper case as in lower: a capital İ folds to i, and a dotless ı is looked up as i', () => {
    for (const t of ['İşlem reddedildi', 'KARTIN SÜRESİ DOLMUŞ', 'Kartın süresi dolmuş']) features(fold(t), '', undefined);
    expect(fold('İşlem')).toBe('işlem');
    const declined = featureSet('İŞLEM REDDEDİLDİ');
    for (const f of [...english('transaction'), ...english('declined')]) expect(declined.has(f)).toBe(true);
    const expired = featureSet('KARTIN SÜRESİ DOLMUŞ');
    for (const f of [...english('card'), ...english('expired')]) expect(expired.has(f)).toBe(true);
    expect(glossText(fold('Yetersiz bakiye'))).toBe('insufficient balance');
  });
});

describe('Polish, Russian, Dutch, Czech, Hebrew and Arabic', () => {
  it('read a Polish text, also as ASCII-only APIs write it (ł as l), in English', () => {
    expect(glossText(fold('Brak środków na rachunku'))).toBe(glossText(fold('Brak srodkow na rachunku')));
    const declined = featureSet('PŁATNOŚĆ ODRZUCONA');
    for (const f of [...english('payment'), ...english('declined')]) expect(declined.has(f)).toBe(true);
    const plain = featureSet('platnosc odrzucona');
    for (const f of [...english('payment'), ...english('declined')]) expect(plain.has(f)).toBe(true);
  });

  it('read a negated Dutch, Czech, Hebrew or Arabic word as the negation, never as the success it negates', () => {
    expect(classify({ message: 'Betaling niet geslaagd', flow: 'payment' }).outcome).not.toBe('succeeded');
    expect(classify({ message: 'Platba nebyla zaplacena', flow: 'payment' }).outcome).not.toBe('succeeded');
    expect(glossText(fold('Platba zamítnuta'))).toBe(glossText(fold('Platba zamitnuta')));
    expect(classify({ message: 'העסקה לא אושרה', flow: 'payment' }).outcome).not.toBe('succeeded');
    expect(classify({ message: 'لم تتم العملية بنجاح', flow: 'payment' }).outcome).not.toBe('succeeded');
  });

  it('read Hebrew plural forms of wrong (שגויים, שגויות) as the singular', () => {
    expect(glossText(fold('ת.ז. או CVV שגויים'))).toContain('cvv incorrect');
    expect(classify({ message: 'ת.ז. או CVV שגויים', flow: 'payment' })).toMatchObject({ unified: 'incorrect_cvc', next: 'ask_customer' });
  });

  it('read a Dutch account closed (afgesloten, opgeheven) as closed', () => {
    expect(glossText(fold('Rekening afgesloten'))).toBe('account closed');
    expect(glossText(fold('Rekening opgeheven'))).toBe('account closed');
    expect(classify({ message: 'Rekening afgesloten', flow: 'recurring' })).toMatchObject({
      unified: 'account_closed',
      next: 'ask_customer',
    });
  });

  it('read Russian inflected forms, and ё as е, in English', () => {
    const expired = featureSet('Срок действия карты истёк');
    for (const f of [...english('card'), ...english('expired')]) expect(expired.has(f)).toBe(true);
    expect(glossText(fold('Платёж отклонён'))).toBe(glossText(fold('Платеж отклонен')));
    // A status table's feminine and neuter forms: an operation authorised, a payment made, money credited.
    expect(glossText(fold('Операция авторизована'))).toBe('transaction authorized');
    expect(glossText(fold('Платёж проведено успешно'))).toBe('payment completed successfully');
    expect(glossText(fold('Деньги зачислены на счёт'))).toContain('credited');
    // A card number given wrong, and a transaction still in process.
    expect(glossText(fold('Ошибочный номер карты'))).toBe('wrong card number');
    expect(glossText(fold('ОПЕРАЦИЯ В ПРОЦЕССЕ. ЖДИТЕ'))).toBe('transaction in process. wait');
  });

  // Before these glossaries no word of these languages had been seen in training: each was answered
  // unmapped, or read from the code alone or an English-looking fragment (a Czech timeout read as a
  // card limit).
  it.each([
    ['Недостаточно средств на счёте', 'payment', 'failed'],
    ['Сервис временно недоступен, попробуйте позже', 'payment', 'failed'],
    ['Превышено время ожидания ответа от банка', 'payment', 'unknown'],
    ['Niewystarczające środki na koncie', 'payment', 'failed'],
    ['Przekroczono limit czasu połączenia z bankiem', 'payment', 'unknown'],
    ['Transakcja w trakcie przetwarzania', 'payment', 'pending'],
    ['Betaling geannuleerd door klant', 'payment', 'failed'],
    ['Transactie in behandeling', 'payment', 'pending'],
    ['Verplicht veld ontbreekt: bedrag', 'payment', 'failed'],
    ['Tijdslimiet overschreden', 'payment', 'unknown'],
    ['Nedostatek prostředků na účtu', 'payment', 'failed'],
    ['Vypršel časový limit spojení s bankou', 'payment', 'unknown'],
    ['Platba probíhá', 'payment', 'pending'],
    ['Platba dosud nebyla zaplacena', 'query', 'pending'],
    ['Vrácení platby bylo provedeno', 'refund', 'succeeded'],
    ['אין מספיק יתרה בחשבון', 'payment', 'failed'],
    ['פג תוקף הכרטיס', 'payment', 'failed'],
    ['העסקה בתהליך', 'payment', 'pending'],
    ['פסק זמן בתקשורת עם שב"א', 'payment', 'unknown'],
    ['העסקה אושרה בהצלחה', 'payment', 'succeeded'],
    ['رصيد غير كاف', 'payment', 'failed'],
    ['العملية قيد المعالجة', 'payment', 'pending'],
    ['انتهت مهلة الاتصال بالبنك', 'payment', 'unknown'],
    ['تمت عملية الدفع بنجاح', 'payment', 'succeeded'],
    ['تم الاسترداد بنجاح', 'refund', 'succeeded'],
  ] as const)('%s (%s) reads %s', (message, flow, outcome) => {
    const c = classify({ message, flow });
    expect(c.unified).not.toBe('unmapped');
    expect(c.outcome).toBe(outcome);
  });
});

describe('Ukrainian', () => {
  it('reads inflected forms in English, and a word Russian spells alike as Russian does', () => {
    expect(glossText(fold('Недостатньо коштів на картці'))).toBe('insufficient funds на card');
    expect(glossText(fold('Недостатньо коштів на картці'))).toContain('insufficient funds');
    expect(glossText(fold('Термін дії картки минув'))).toBe('expiry date card expired');
    expect(glossText(fold('Транзакцію відхилено банком-емітентом'))).toBe('transaction declined bank-issuer');
    expect(glossText(fold('Час очікування відповіді вичерпано'))).toBe('timeout response exceeded');
    // оплата and не are Russian's keys too, read the same; не пройшла is the phrase, not "not completed".
    expect(glossText(fold('Оплата не пройшла'))).toBe('payment failed');
    expect(glossText(fold('Оплата пройшла успішно'))).toBe('payment completed successfully');
    const expired = featureSet('ТЕРМІН ДІЇ КАРТКИ МИНУВ');
    for (const f of [...english('card'), ...english('expired')]) expect(expired.has(f)).toBe(true);
  });

  it('reads ї and й also without their marks, and a word an apostrophe parts by its second half', () => {
    expect(glossText(fold('Операції відмовлено'))).toBe(glossText(fold('Операціі відмовлено')));
    expect(glossText(fold('Платіж неуспішний'))).toBe(glossText(fold('Платіж неуспішнии')));
    // Every apostrophe Ukrainian is written with, and none, reads "required".
    for (const a of ["'", 'ʼ', '’']) {
      expect(glossText(fold(`Поле amount обов${a}язкове`)), a).toBe(`field amount обов${a}required`);
    }
    expect(glossText(fold('Поле amount обовязкове'))).toBe('field amount required');
  });

  // Before this glossary no Ukrainian word had been seen in training.
  it.each([
    ['Недостатньо коштів на картці', 'payment', 'failed', 'insufficient_funds'],
    ['Термін дії картки минув', 'payment', 'failed', undefined],
    ['Транзакцію відхилено банком-емітентом', 'payment', 'failed', undefined],
    ['Платіж успішно виконано', 'payment', 'succeeded', undefined],
    ['Оплата пройшла успішно', 'payment', 'succeeded', undefined],
    ['Повернення коштів виконано успішно', 'refund', 'succeeded', 'refund_succeeded'],
    ['Кошти повернуто', 'refund', 'succeeded', 'refund_succeeded'],
    ['Платіж в обробці', 'payment', 'pending', undefined],
    ['Повернення коштів в обробці', 'refund', 'pending', undefined],
    ['Час очікування відповіді від банку вичерпано', 'payment', 'unknown', undefined],
    ['Оплата не пройшла', 'payment', 'failed', undefined],
  ] as const)('%s (%s) reads %s', readsAs);

  it('reads as its English words do', () =>
    readsAsEnglish('Недостатньо коштів на картці', 'Insufficient funds on card', 'Час очікування вичерпано'));
});

describe('Hungarian', () => {
  it('reads suffixed forms in English, also without the marks and in upper case', () => {
    expect(glossText(fold('Nincs elegendő fedezet a számlán'))).toBe('insufficient funds a account');
    expect(glossText(fold('Nincs elegendo fedezet a szamlan'))).toBe('insufficient funds a account');
    expect(glossText(fold('A tranzakciót a kártyakibocsátó bank elutasította'))).toBe('a transaction a card issuer bank declined');
    expect(glossText(fold('A szolgáltatás átmenetileg nem elérhető, kérjük próbálja újra később'))).toBe(
      'a service temporarily unavailable, please try again later',
    );
    // The passive of a noun in -ra/-re and "került" is the one participle.
    expect(glossText(fold('Az összeg visszatérítésre került'))).toBe('az amount refunded');
    // "nem" alone is "not"; in its phrases the phrase stands for both words.
    expect(glossText(fold('A fizetés nem sikerült'))).toBe('a payment failed');
    expect(glossText(fold('Nem található'))).toBe('not found');
    expect(glossText(fold('Nem engedélyezett művelet'))).toBe('not permitted transaction');
    const failed = featureSet('SIKERTELEN TRANZAKCIÓ');
    for (const f of [...english('failed'), ...english('transaction')]) expect(failed.has(f)).toBe(true);
  });

  // Before this glossary no Hungarian word had been seen in training.
  it.each([
    ['Nincs elegendő fedezet a számlán', 'payment', 'failed', 'insufficient_funds'],
    ['Lejárt kártya', 'payment', 'failed', 'expired_card'],
    ['Elutasított tranzakció', 'payment', 'failed', undefined],
    ['A fizetés nem sikerült', 'payment', 'failed', undefined],
    ['Érvénytelen aláírás', 'payment', 'failed', 'invalid_signature'],
    ['Sikeres fizetés', 'payment', 'succeeded', undefined],
    ['A fizetés sikeresen megtörtént', 'payment', 'succeeded', undefined],
    ['Sikeres visszatérítés', 'refund', 'succeeded', 'refund_succeeded'],
    ['Az összeg visszatérítésre került', 'refund', 'succeeded', 'refund_succeeded'],
    ['A fizetés folyamatban van', 'payment', 'pending', undefined],
    ['Időtúllépés a bankkal való kommunikáció során', 'payment', 'unknown', undefined],
    ['Belső hiba történt', 'payment', 'unknown', 'system_error'],
  ] as const)('%s (%s) reads %s', readsAs);

  it('reads as its English words do', () => readsAsEnglish('Nincs elegendő fedezet', 'Insufficient funds', 'Időtúllépés'));
});

describe('Swedish, Norwegian and Danish', () => {
  it.each([
    ['Täckning saknas', 'recurring', 'failed', 'insufficient_funds'],
    ['Ikke dekning på konto', 'payment', 'failed', 'insufficient_funds'],
    ['Kontot är avslutat', 'recurring', 'failed', 'account_closed'],
    ['Betalningen godkänd', 'payment', 'succeeded', 'approved'],
    ['Tidsavbrudd', 'payment', 'unknown', undefined],
  ] as const)('%s (%s) reads %s', readsAs);

  it('reads as its English words do', () => readsAsEnglish('Täckning saknas', 'Insufficient funds', 'Tidsgränsen överskreds'));

  it('reads a negation, so that "not approved" never says the money moved', () =>
    readsNegated(['Betalningen är inte godkänd', 'Betalingen er ikke godkjent', 'Betalingen er ikke godkendt'], /not approved/));
});

describe('Finnish', () => {
  // Finnish negates with a verb of its own before the stem: "ei onnistunut", "ei hyväksytty".
  it('reads a negation, so that "not approved" never says the money moved', () =>
    readsNegated(['Maksua ei hyväksytty', 'Maksu ei onnistunut'], /not approved|unsuccessful/));

  it('reads as its English words do', () => readsAsEnglish('Tilillä ei ole katetta', 'Insufficient funds', 'Aikakatkaisu'));

  it.each([
    ['Maksu hylättiin: tilillä ei ole katetta', 'payment', 'failed', 'insufficient_funds'],
    ['Kortti on vanhentunut', 'payment', 'failed', 'expired_card'],
    ['Maksu onnistui', 'payment', 'succeeded', 'approved'],
    ['Järjestelmävirhe, yritä myöhemmin uudelleen', 'payment', 'unknown', undefined],
  ] as const)('%s (%s) reads %s', readsAs);
});

describe('Romanian', () => {
  it('reads forms with the article in English, with ș and ț, their cedilla letters, or no marks', () => {
    expect(glossText(fold('Fonduri insuficiente pe card'))).toBe('insufficient funds pe card');
    expect(glossText(fold('Plata a fost efectuată cu succes'))).toBe('payment was completed successfully');
    expect(glossText(fold('Comanda nu a fost găsită'))).toBe('order was not found');
    expect(glossText(fold('Serviciul este temporar indisponibil'))).toBe('service este temporarily unavailable');
    // ș and ț as written, as the cedilla letters ş and ţ, and without their marks, all read alike.
    for (const t of [
      'Tranzacția a fost respinsă',
      'Tranzacţia a fost respinsă',
      'Tranzactia a fost respinsa',
      'TRANZACȚIA A FOST RESPINSĂ',
    ]) {
      expect(glossText(fold(t)), t).toBe('transaction was declined');
    }
    expect(glossText(fold('Autentificarea 3D Secure a eşuat'))).toBe('authentication 3d secure failed');
    // "nu s-a": the hyphen parts "s" from "a", and "nu s" is the negation.
    expect(glossText(fold('Plata nu s-a efectuat'))).toBe('payment was not-a completed');
  });

  // Before this glossary no Romanian word had been seen in training.
  it.each([
    ['Fonduri insuficiente pe card', 'payment', 'failed', 'insufficient_funds'],
    ['Cardul a expirat', 'payment', 'failed', 'expired_card'],
    ['Tranzacție respinsă', 'payment', 'failed', undefined],
    ['Plata nu a reușit', 'payment', 'failed', undefined],
    ['Semnătură invalidă', 'payment', 'failed', 'invalid_signature'],
    ['Plata a fost efectuată cu succes', 'payment', 'succeeded', undefined],
    ['Tranzactie aprobata', 'payment', 'succeeded', undefined],
    ['Rambursarea a fost efectuată', 'refund', 'succeeded', 'refund_succeeded'],
    ['Suma a fost rambursată', 'refund', 'succeeded', 'refund_succeeded'],
    ['Tranzacția este în curs de procesare', 'payment', 'pending', undefined],
    ['Timpul a expirat', 'payment', 'unknown', undefined],
    ['Eroare internă', 'payment', 'unknown', 'system_error'],
  ] as const)('%s (%s) reads %s', readsAs);

  it('reads as its English words do', () => readsAsEnglish('Fonduri insuficiente', 'Insufficient funds', 'Timp expirat'));
});

describe('a negation in the glossed languages', () => {
  it('is read as "not", so the word it negates no longer says the opposite', () => {
    // Each negation here had stood unread beside an English "successful", "completed" or "accepted".
    const read: Record<string, string> = {
      'Zahlung nicht erfolgreich': 'payment unsuccessful',
      'Keine Zahlung eingegangen': 'no payment received',
      'Pagamento non riuscito': 'payment unsuccessful',
      'Pagamento non completato': 'payment not completed',
      'Platba nebyla úspěšná': 'payment was not successful',
      'Платеж не выполнен': 'payment not completed',
      'Płatność nie została zrealizowana': 'payment was not completed',
      'Платіж не виконано': 'payment not completed',
      'A fizetés nem sikeres': 'a payment unsuccessful',
      'Plata nu a fost efectuată': 'payment was not completed',
    };
    for (const [text, english] of Object.entries(read)) expect(glossText(fold(text)), text).toBe(english);
    for (const text of [
      'Zahlung nicht erfolgreich',
      'Pagamento non riuscito',
      'Platba nebyla úspěšná',
      'A fizetés nem sikeres',
      'Plata nu a fost reușită',
    ]) {
      expect(classify({ message: text, flow: 'payment' }).outcome, text).toBe('failed');
    }
  });
});

describe("a verb's auxiliary in the glossed languages", () => {
  it('is read as "was" or "has been", so a success or a failure said in a full sentence reads as in English', () => {
    const read: Record<string, string> = {
      'Le paiement a été effectué avec succès': 'le payment has been completed successfully',
      'Le paiement a été refusé': 'le payment has been declined',
      'O pagamento foi aprovado': 'o payment was approved',
      'O pagamento não foi aprovado': 'o payment was not approved',
      'Die Zahlung wurde erfolgreich durchgeführt': 'die payment was successful completed',
      'Die Zahlung wurde nicht durchgeführt': 'die payment was not completed',
      'Il pagamento è stato effettuato con successo': 'il payment was completed successfully',
      'Płatność została zrealizowana': 'payment was completed',
      'Оплата прошла успешно': 'payment completed successfully',
    };
    for (const [text, english] of Object.entries(read)) expect(glossText(fold(text)), text).toBe(english);
    for (const text of ['Le paiement a été effectué avec succès', 'O pagamento foi aprovado', 'Płatność została zrealizowana']) {
      expect(classify({ message: text, flow: 'payment' }).outcome, text).toBe('succeeded');
    }
    // "Success" is English: the French "succès" is read only in "avec succès", since a word is also
    // looked up by its first five letters.
    features(fold('Success'), '', undefined);
    expect(needsGloss()).toBe(false);
  });
});

/** A text with its English reading and, where the reading settles it, the classifier's answer on a payment. */
type GlossCase = [text: string, english: string, answer?: { outcome: string; next: string }];

function glossesAndAnswers(cases: GlossCase[]): void {
  it.each(cases)('%s', (text, english, answer) => {
    expect(glossText(fold(text))).toBe(english);
    if (answer) expect(classify({ message: text, flow: 'payment' })).toMatchObject(answer);
  });
}

describe('words the held-out tables showed missing (2026-12-07)', () => {
  // Each text with its English reading and, where the reading settles it, the classifier's answer.
  const cases: GlossCase[] = [
    // A card number in the order French, Portuguese and Italian write it: a number given wrong is
    // the customer's to correct, as in English.
    ['Le numéro de carte est incorrect.', 'le card number est incorrect.', { outcome: 'failed', next: 'ask_customer' }],
    ['Número do cartão inválido', 'card number invalid', { outcome: 'failed', next: 'ask_customer' }],
    ['Numero di carta non valido', 'card number invalid', { outcome: 'failed', next: 'ask_customer' }],
    // A Turkish card past its term (vade).
    ['Vadesi dolmuş kart', 'expired card', { outcome: 'failed', next: 'ask_customer' }],
    // Polish: a request done before, a doubt as in English; one cut short by the user.
    ['To zapytanie było już przetwarzane', 'to request było already processed', { outcome: 'unknown', next: 'query' }],
    ['Żądanie transakcji przerwane przez użytkownika', 'request transaction aborted by the user'],
    // Russian: a user who did not confirm, an authorisation started.
    ['Пользователь не подтвердил платеж', 'user did not confirm payment'],
    ['Инициирована авторизация', 'initiated authorization'],
    // An integration's key in Dutch and German, hyphenated as those languages write compounds.
    ['Ongeldige API-sleutel', 'invalid api-key', { outcome: 'failed', next: 'fix_and_retry' }],
    ['Ungültiger API-Schlüssel', 'invalid api-key', { outcome: 'failed', next: 'fix_and_retry' }],
  ];
  glossesAndAnswers(cases);
});

describe('words a later held-out table showed missing (2026-12-07)', () => {
  const cases: GlossCase[] = [
    // A Czech integration's credentials, and a Polish merchant's account switched off: the
    // integration's to fix.
    ['Chybné přístupové údaje', 'invalid credentials', { outcome: 'failed', next: 'fix_and_retry' }],
    ['Konto sprzedawcy jest nieaktywne', 'account merchant is inactive', { outcome: 'failed', next: 'fix_and_retry' }],
    [
      'Parametr chk nie zgadza się z wyliczonym parametrem chk',
      'parameter chk does not match z wyliczonym parameter chk',
      { outcome: 'failed', next: 'fix_and_retry' },
    ],
    // An order started and waiting for the customer, in Portuguese and Russian.
    ['Pedido inicializado com sucesso', 'order initiated successfully', { outcome: 'pending', next: 'wait' }],
    [
      'Операция только инициализирована, деньги от покупателя не получены',
      'transaction только initiated, money от покупателя not received',
    ],
    // A Turkish card number, written without the marks as ASCII-only APIs do.
    ['Kredi karti numarasi gecerli', 'credit card number valid'],
    ['Erreur de format de la requête.', 'error de format de la request.'],
    ['Перевищено ліміт на суму або кількість платежів клієнта', 'limit exceeded на amount або number payments customer'],
  ];
  glossesAndAnswers(cases);
});

describe('inflections and words a third look at the held-out tables showed missing', () => {
  const cases: GlossCase[] = [
    // A credit limit in the Indonesian and the German order, and a Swedish one: the card's, the
    // customer's to settle, as "credit limit exceeded" is.
    ['Limit kredit Anda tidak mencukupi', 'credit limit anda insufficient', { outcome: 'failed', next: 'ask_customer' }],
    [
      'Der Kreditrahmen der Karte ist überschritten.',
      'der credit limit der card is exceeded.',
      { outcome: 'failed', next: 'ask_customer' },
    ],
    ['Beloppet överstiger kreditgränsen', 'amount exceeds credit limit', { outcome: 'failed', next: 'ask_customer' }],
    // Parameters missing or invalid, in Italian and Portuguese: the request's to fix.
    ['Parametri non validi o mancanti', 'parameters non valid o missing', { outcome: 'failed', next: 'fix_and_retry' }],
    [
      'Requisição inválida. Verifique os parâmetros enviados.',
      'request invalid. check os parameters sent.',
      { outcome: 'failed', next: 'fix_and_retry' },
    ],
    // A duplicate in German, a doubt as in English.
    ['Doppelte Transaktion', 'duplicate transaction', { outcome: 'unknown', next: 'query' }],
    // Russian and French inflections; a French time limit run out.
    ['Сумма превышает лимит', 'amount exceeds limit'],
    ['Délai expiré', 'timeout'],
    ['Montant supérieur au plafond', 'amount greater au limit'],
  ];
  glossesAndAnswers(cases);
});

describe('the glossed languages and the catalog', () => {
  it('meets no word of theirs in any catalog text, so the model learned nothing from them', () => {
    // The catalog holds no Portuguese, Indonesian, Vietnamese or Thai: a key of theirs that matched
    // a catalog text would be another language's word (the unaccented "số thẻ" is "so the"), and
    // would both change what the model learned and gloss that text for the safety rules.
    let texts = 0;
    const hits: string[] = [];
    for (const p of providers) {
      for (const [, , , , own] of p.entries) {
        for (const t of own) {
          texts++;
          features(fold(t), '', undefined);
          if (needsGloss()) hits.push(`${p.id}: ${t.slice(0, 60)}`);
        }
      }
    }
    expect(texts).toBeGreaterThan(10_000);
    expect(hits).toEqual([]);
  });
});

describe("terminals' shorthand", () => {
  it.each([
    ['NSF', 'insufficient funds'],
    ['INSUFF FUNDS', 'insufficient funds'],
    ['EXCDS WDRL LMT', 'exceeds withdrawal limit'],
    ['INVLD ACCT', 'invalid account'],
    ['DECL - CALL ISS', 'declined - call issuer'],
  ])('reads %s as "%s"', (text, english) => {
    expect(glossText(fold(text))).toBe(english);
  });
  it('answers a shorthand decline, which had read as nothing the model knew', () => {
    expect(classify({ message: 'NSF', flow: 'recurring' })).toMatchObject({ unified: 'insufficient_funds', outcome: 'failed' });
    expect(classify({ message: 'INSUFF FUNDS', flow: 'payment' })).toMatchObject({ unified: 'insufficient_funds', next: 'ask_customer' });
  });
});

describe('glossaries of languages written without spaces', () => {
  it('finds a Thai term wherever it stands in a run, and quotes it', () => {
    const s = featureSet('ยอดเงินในบัญชีไม่เพียงพอ');
    for (const f of [...english('balance'), ...english('account'), ...english('insufficient')]) expect(s.has(f)).toBe(true);
    expect(quotes('บัตรหมดอายุ')).toEqual(expect.arrayContaining(['บัตร', fold('หมดอายุ')]));
  });
});

describe('the glossed reading the safety rules take', () => {
  it('puts glossary words, phrases and terms in English and keeps the rest', () => {
    expect(glossText(fold('Transação aprovada'))).toBe('transaction approved');
    expect(glossText(fold('Giao dịch không thành công do: Thẻ hết hạn'))).toBe('transaction unsuccessful do: card expired');
    expect(glossText(fold('Transaksi ditolak oleh bank'))).toBe('transaction declined by bank');
    expect(glossText(fold('ชำระเงินสำเร็จ'))).toBe('payment success');
    expect(glossText(fold('ระบบขัดข้อง'))).toBe(`system ${fold('ขัดข้อง')}`);
    // A word that Portuguese spells as Spanish does is listed once, in Spanish, and glossed too.
    expect(glossText(fold('Transação cancelada'))).toBe('transaction cancelled');
    // A Spanish text is not glossed: the rules read it as it stands.
    features(fold('Transacción aprobada'), '', undefined);
    expect(needsGloss()).toBe(false);
    features(fold('Transação aprobada'), '', undefined);
    expect(needsGloss()).toBe(true);
  });

  it('gives a Spanish success its English words: realizada, satisfactoriamente, exitosamente', () => {
    readsAs('Transacción realizada satisfactoriamente', 'payment', 'succeeded', 'approved');
    readsAs('Pago realizado exitosamente', 'payment', 'succeeded', 'approved');
  });

  it('reads a Vietnamese state with its past and passive markers (đã, bị) as the one word of state', () => {
    expect(glossText(fold('Đã hủy'))).toBe('cancelled');
    expect(glossText(fold('Giao dịch đã bị hủy'))).toBe('transaction cancelled');
    // On the query flow that one word is the state found, as "Cancelled" is; before, "đã" hid it.
    expect(classify({ message: 'Đã hủy', flow: 'query' }).outcome).toBe('failed');
    expect(classify({ message: 'Da huy', flow: 'query' }).outcome).toBe('failed');
  });

  it('reads who refused, so that a decline the issuer gave reads as one in English does', () => {
    // "by" in Portuguese, Indonesian, Vietnamese and French: the rules read a decline that names the
    // issuer or the bank as all the sentence says.
    for (const [message, english] of [
      ['Transação rejeitada pelo emissor do cartão', 'transaction rejected by issuer do card'],
      ['Transaksi ditolak oleh bank penerbit', 'transaction declined by issuer'],
      ['Giao dịch bị từ chối bởi ngân hàng phát hành', 'transaction declined by bank issuer'],
      ['Transaction refusée par la banque émettrice', 'transaction declined by la bank issuer'],
    ] as [string, string][]) {
      expect(glossText(fold(message))).toBe(english);
      const c = classify({ message, flow: 'payment' });
      expect([c.outcome, c.next], message).toEqual(['failed', 'ask_customer']);
    }
    // Indonesian "sudah" before "expired" says only that the time ran out, not "already".
    expect(glossText(fold('BRIVA sudah kadaluarsa'))).toBe('briva has expired');
    expect(glossText(fold('Nhập sai mã OTP quá số lần cho phép'))).toBe('nhập wrong mã otp too many attempts allowed');
  });

  it('lets the rules read a language they have no words for as they read English', () => {
    // "approved" says the money moved; without the gloss the rules read no such word, and the
    // answer stayed in doubt.
    const pt = classify({ message: 'Transação aprovada', flow: 'payment' });
    expect(pt.outcome).toBe(classify({ message: 'Transaction approved', flow: 'payment' }).outcome);
    expect(pt.outcome).toBe('succeeded');
    // A time-out in Vietnamese is a time-out: the money may be in flight.
    const vi = classify({ message: 'Hết thời gian chờ thanh toán', flow: 'payment' });
    expect([vi.outcome, vi.next]).toEqual(['unknown', 'query']);
    // An Indonesian decline is a failure, as its English words are.
    const id = classify({ message: 'Transaksi ditolak oleh bank penerbit', flow: 'payment' });
    expect(id.outcome).toBe('failed');
    expect(id.unified).toBe(classify({ message: 'Transaction declined by issuer bank', flow: 'payment' }).unified);
    // A Thai shortfall reads as the English one.
    expect(classify({ message: 'ยอดเงินไม่เพียงพอ', flow: 'payment' }).unified).toBe(
      classify({ message: 'Insufficient balance', flow: 'payment' }).unified,
    );
  });

  // A request's state (made, sent, received, returned) in these languages: before, the model's
  // reading of the other words stood, and a refund on its way or a payment just created was
  // "failed, stop", which tells the merchant to give up on it.
  it.each([
    ['VNPAY đã gửi yêu cầu hoàn tiền sang Ngân hàng', 'refund', 'pending'],
    ['Zahlung angelegt, noch kein Zahlungseingang', 'payment', 'unknown'],
    ['Pembayaran diterima', 'payment', 'unknown'],
    ['Ödeme alındı', 'payment', 'unknown'],
    ['Paiement créé, en attente du client', 'payment', 'pending'],
    ['Pagamento creato', 'payment', 'pending'],
    ['Devolvida: o valor da transação foi devolvido para o comprador.', 'refund', 'unknown'],
  ])('%s (%s) is not a final failure', (message, flow, outcome) => {
    const c = classify({ message, flow: flow as 'payment' | 'refund' });
    expect(c.outcome).toBe(outcome);
  });
  // An order made, or a refund asked for, with a word of success: the request went through, the
  // money has not yet moved. Both had read as a success.
  it.each([
    ['Tạo đơn hàng thành công', 'payment'],
    ['Permintaan refund berhasil dikirim', 'refund'],
  ])('%s (%s) is a request accepted, not money moved', (message, flow) => {
    const c = classify({ message, flow: flow as 'payment' | 'refund' });
    expect(c.outcome).toBe('unknown');
    expect(c.next).toBe('query');
  });
});

describe("a glossed word's features", () => {
  it('never repeat the word\'s own: "transacción" and its English "transaction" give the prefix "trans" once', () => {
    for (const text of ['transacción rechazada', 'transação recusada', 'transaktion abgelehnt', 'error']) {
      const f = features(fold(text), '', undefined);
      expect(new Set(f).size, text).toBe(f.length);
    }
  });
  it.each(['Transacción rechazada', 'Transação recusada', 'Transação negada', 'Transaktion abgelehnt', 'Transakcja odrzucona'])(
    'so "transaction declined" in other languages reads as the English does (%s): a decline, ask the customer',
    (message) => expect(classify({ message, flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'ask_customer' }),
  );
});

describe('Persian', () => {
  it('reads as its English words do', () => readsAsEnglish('موجودی کافی نیست', 'Insufficient balance', 'اتمام زمان'));
  it('reads a verb written with a zero-width non-joiner as with a space, and ی and ک also as the Arabic letters', () => {
    expect(glossText(fold('موجودی کافی نمی\u200cباشد'))).toBe('balance not sufficient');
    expect(glossText(fold('موجودی کافی نمی باشد'))).toBe('balance not sufficient');
    expect(glossText(fold('تراكنش ناموفق'))).toBe('transaction unsuccessful');
    expect(featureSet('موجودی کافی نمی\u200cباشد')).toEqual(featureSet('موجودی کافی نمی باشد'));
  });
  it('reads a success, a wait and a duplicate in their own words', () => {
    expect(glossText(fold('پرداخت تکمیل و با موفقیت انجام شده است'))).toBe('payment complete و successfully completed is');
    expect(classify({ message: 'پرداخت در حال انتظار جواب بانک', flow: 'query' })).toMatchObject({ outcome: 'pending', next: 'wait' });
    expect(classify({ message: 'تراکنش مورد نظر تکراریست', flow: 'payment' })).toMatchObject({ outcome: 'unknown', next: 'query' });
  });
  it('reads a negation, so that "not completed" never says the money moved', () =>
    readsNegated(['پرداخت انجام نشد', 'پرداخت انجام نشده است', 'تراکنش تایید نشد'], /\bnot (completed|approved)\b/));
  it('answers as English does', () => {
    expect(classify({ message: 'کارت منقضی شده است', flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
    expect(classify({ message: 'شماره درخواست تکراری است', flow: 'payment' })).toMatchObject({ outcome: 'unknown', next: 'query' });
    expect(classify({ message: 'پاسخی از صادر کننده کارت دریافت نشد', flow: 'payment' })).toMatchObject({
      outcome: 'unknown',
      next: 'query',
    });
  });
});

describe('Turkish in capitals', () => {
  it('reads a word with a dotless ı, lower-cased to i, with its other marks kept', () => {
    expect(glossText(fold('İŞLEM BAŞARILI'))).toBe('transaction successful');
    expect(classify({ message: 'İŞLEM BAŞARILI', flow: 'payment' }).outcome).toBe(
      classify({ message: 'İşlem başarılı', flow: 'payment' }).outcome,
    );
  });
});

describe('a negation after the word it negates (Persian, Turkish)', () => {
  it('never says the money moved', () => {
    for (const message of [
      'پرداخت موفق نبود',
      'تراکنش موفق نبوده است',
      'تراکنش موفق نمی باشد',
      'پرداخت موفقیت آمیز نبود',
      'Ödeme başarılı değil',
      'Ödeme başarılı olmadı',
    ]) {
      expect(classify({ message, flow: 'payment' }).outcome, message).not.toBe('succeeded');
    }
  });
  it('where the same words without it do', () => {
    for (const message of ['تراکنش موفق', 'İşlem başarılı']) {
      expect(classify({ message, flow: 'payment' }).outcome, message).toBe('succeeded');
    }
  });
});

describe('words of bank files, wallets and installments, and Turkish words with "is" or a case joined to them', () => {
  it.each([
    ['Insuficiência de fundos na conta corrente', 'insufficient funds'],
    ['Pagamento efetivado', 'completed'],
    ['недостаточно денег в кошельке', 'wallet'],
    ['Tài khoản không hoạt động', 'inactive'],
    ['خطای داخلی سیستم', 'error internal'],
    ['Kart numarası hatalıdır.', 'is invalid'],
    ['Kartın son kullanma tarihi geçmiş', 'expired'],
    ['Kartınız internet işlemlerine kapalıdır.', 'is closed'],
    ['Lütfen bankayı arayınız', 'bank call'],
  ])('%s reads "%s"', (message, english) => {
    expect(glossText(fold(message))).toContain(english);
  });
});

describe("German banks' words: an order executed, a TAN (a one-time password) wrong", () => {
  it('reads an order executed as money moved, and a wrong TAN as the customer to ask', () => {
    expect(glossText(fold('Überweisungsauftrag ausgeführt'))).toContain('executed');
    expect(classify({ message: 'Die TAN ist ungültig', flow: 'payment' })).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
    expect(saysDeclineReason(fold('Incorrect OTP'))).toBe(true);
  });
});

describe("Persian words of access, a card's state and a server (2026-12-08)", () => {
  it.each([
    ['عدم دسترسی', 'access denied'],
    ['دسترسی غیر مجاز', 'access not allowed'],
    ['کارت فعال نیست', 'card inactive'],
    ['کارت محدود شده است', 'card restricted'],
    ['مشکلی در سرور درگاه پرداخت رخ داده است', 'a problem'],
  ])('%s reads "%s"', (message, english) => {
    expect(glossText(fold(message))).toContain(english);
  });
  it("a card's state is the customer's to settle, access denied the integration's to fix, a server's problem a result to look up", () => {
    for (const message of ['کارت فعال نیست', 'کارت محدود شده است']) {
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'ask_customer' });
    }
    for (const message of ['عدم دسترسی', 'دسترسی غیر مجاز']) {
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
    }
    expect(classify({ message: 'مشکلی در سرور درگاه پرداخت رخ داده است', flow: 'payment' })).toMatchObject({
      outcome: 'unknown',
      next: 'query',
    });
  });
});

describe('Russian: the forms a sentence puts the merchant, the account and the request in, and the words of settings (2026-12-08)', () => {
  it.each([
    ['Неверная цифровая подпись запроса', 'incorrect signature request'],
    ['Ошибка авторизации (неверный логин/пароль)', 'incorrect login/password'],
    ['Запрошенное действие отключено настройками магазина', 'disabled settings merchant'],
    ['Отсутствует или не действует контракт с магазином', 'not valid contract'],
  ])('%s reads "%s"', (message, english) => {
    expect(glossText(fold(message))).toContain(english);
  });
  it("an action the merchant's settings disabled, or its contract missing, is the merchant's to fix; a balance short the customer's", () => {
    for (const message of ['Отсутствует или не действует контракт с магазином', 'Запрошенное действие отключено настройками магазина']) {
      expect(classify({ message, flow: 'payment' }), message).toMatchObject({ outcome: 'failed', next: 'fix_and_retry' });
    }
    expect(classify({ message: 'Сумма транзакции превышает доступный остаток средств на выбранном счете', flow: 'payment' })).toMatchObject(
      { outcome: 'failed', next: 'ask_customer' },
    );
  });
});

describe("Polish, Portuguese and Russian words of a payment started and the customer's step not yet taken (2026-12-08)", () => {
  it.each([
    ['Płatność została rozpoczęta, klient nie wybrał jeszcze kanału płatności', 'customer has not yet chosen'],
    ['Kanał płatności odmówił autoryzacji płatności', 'channel payment declined'],
    ['Upłynął czas na dokonanie płatności', 'time expired'],
    ['boleto emitido com sucesso', 'issued successfully'],
    ['Платеж подтвержден клиентом и ожидает подтверждения магазином', 'confirmed by the customer'],
  ])('%s reads "%s"', (message, english) => {
    expect(glossText(fold(message))).toContain(english);
  });
  it('a payment started whose customer has not chosen or paid yet waits for the customer', () => {
    for (const message of [
      'Płatność została rozpoczęta, klient nie wybrał jeszcze kanału płatności',
      'Płatność została rozpoczęta, klient nie dokonał jeszcze płatności',
    ]) {
      expect(classify({ message, flow: 'query' }), message).toMatchObject({ outcome: 'pending', next: 'wait' });
    }
  });
});
