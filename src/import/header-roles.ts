import { emptyish, plain } from './cells.js';

/**
 * What a table column is for, from its header words in any of the languages providers write in.
 */
export type Role =
  | 'code'
  | 'message'
  | 'description'
  | 'solution'
  | 'scene'
  | 'http'
  | 'softhard'
  | 'status'
  | 'name'
  | 'othercode'
  | 'index'
  | 'other';

// Header words, matched on lower-cased plain text. Text roles are tried before `code`, so
// "코드 설명" (code description) is a description and "Response Code Description" too.
const HEADER_ROLES: [Role, RegExp][] = [
  ['index', /^(no\.?|#|nº|n°|순번|번호|序号|序號|項番|seq|idx|index|s\.? ?no\.?|sr\.? ?no\.?|sl\.? ?no\.?|serial( no\.?| number)?)$/],
  ['http', /http|^상태 ?코드$|ステータスコード|状态码|狀態碼/],
  ['softhard', /soft|hard|재시도 ?가능|retryable|decline type|거절 ?유형|retentativa|reintentable/],
  [
    'solution',
    /solution|resolution|next step|suggest|advice|action|how to|what to do|to do|o que fazer|qu[eé] hacer|que faire|was (zu )?tun|recommend|handling|fix|retry|對策|对策|處理|处理|解決|解决|建議|建议|조치|해결|대응|대처|처리 ?(방법|방안|가이드)|가맹점 ?처리|対処|対応|solución|sugerencia|sugerida|acción|solução|sugestão|comunicación|comunicação|recomend|hướng xử lý|cách xử lý|xử lý|tindakan|solusi|penanganan|saran|แนวทาง|วิธีแก้|การแก้ไข|çözüm|öneri|yapılacak|yapmanız|gereken|soluzione|azione|consiglio|lösung|maßnahme|empfehlung|handlungsempfehlung|rozwiązanie|działanie|zalecenie|oplossing|actie/,
  ],
  [
    'description',
    /desc|detail|explanation|meaning|reason|comment|remark|note|說明|说明|描述|備註|备注|含義|含义|原因|설명|내용|상세|의미|비고|사유|상황|説明|詳細|内容|內容|意味|理由|descripción|descrição|significado|explicación|detalle|motivo|causa|mô tả|diễn giải|ý nghĩa|keterangan|deskripsi|penjelasan|penerangan|huraian|คำอธิบาย|รายละเอียด|ความหมาย|açıklama|aciklama|anlam|descrizione|significato|spiegazione|beschreibung|bedeutung|erläuterung|erklärung|opis|znaczenie|omschrijving|beschrijving|betekenis|signification/,
  ],
  [
    'message',
    /message|msg|text|title|提示|信息|訊息|讯息|消息|메시지|메세지|문구|メッセージ|文言|mensaje|mensagem|texto|名称|名稱|thông báo|nội dung|pesan|mesej|ข้อความ|mesaj|messaggio|meldung|nachricht|komunikat|libellé|bericht/,
  ],
  [
    'code',
    /code|코드|コード|代码|代碼|碼|码|código|codigo|errcode|^issue$|^value$|^key$|^id$|^error$|^errno$|^rc$|^type$|^mã|kode?\b|codice|รหัส/,
  ],
  [
    'scene',
    /categor|group|scene|scenario|situation|section|module|class|kind|구분|분류|결제수단|유형|종류|場景|场景|分類|分类|類別|类别|種別|区分|categoría|tipo|grupo|carrier|method|kategori|jenis|nhóm|phân loại|หมวด|ประเภท|kategorie|categoria|kategoria|tür|grup|gruppo|gruppe|grupa/,
  ],
  ['status', /status|state|estado|상태|状態|狀態|状态|situação|result$|outcome|trạng thái|สถานะ|durum|stato|statut|zustand/],
  ['name', /constant|name|enum|member|schema|상수|定数|常量/],
];

export function headerRole(h: string): Role | undefined {
  const t = plain(h)
    .toLowerCase()
    .replace(/[*_:]+/g, ' ')
    .trim();
  if (!t) return undefined;
  for (const [role, re] of HEADER_ROLES) if (re.test(t)) return role;
  return undefined;
}

/** A table of ranges (`From | To`), field definitions (`Parameter | Type | Required`) or the like: not codes. */
export function notACodeTable(header: string[]): boolean {
  const h = header.flatMap(headerParts);
  const has = (re: RegExp) => h.some((x) => re.test(x));
  if (has(/^(from|start|시작|起始?)$/) && has(/^(to|end|끝|终止?|終止?)$/)) return true;
  // `Item | Content` (項目 | 內容): settings such as a test account, set out to be read.
  if (has(/^(item|items|項目|项目|항목)$/) && has(/^(content|contents|內容|内容|내용)$/)) return true;
  if (
    has(
      /^(parameter|param|field|property|attribute|参数|參數|字段|欄位|栏位|파라미터|필드|項目名?|パラメータ|parámetro|parâmetro|campo|alan|parametre|champ|paramètre|feld|pole|parametr|parametro|tham số|trường|พารามิเตอร์|ฟิลด์|параметр|поле|атрибут)( name|名稱|名称|名| adı)?$/,
    ) &&
    has(
      /required|type|必填|必須|필수|타입|型|obligatorio|obrigatório|tipo|zorunlu|tip|obligatoire|pflicht|typ|wymagane|obbligatorio|bắt buộc|kiểu|wajib|จำเป็น|ประเภทข้อมูล|^тип$|обязательн|^format$|^(桁数|長さ|length|max length|长度|長度|길이|자릿수|tamanho|longitud|longueur|länge|độ dài|panjang)$|^(example|sample|değer|örnek|ejemplo|exemple|exemplo|beispiel|esempio|示例|範例|范例|예시|例|ví dụ|contoh|ตัวอย่าง)$/,
    )
  )
    return true;
  // `Name | Type | Required`: a field is named and said to be required or not; a code's table may
  // name its codes and type its declines (`Code | Name | Type`), but says nothing is required.
  if (
    has(/^(name|nome|nombre|nom|名称|名稱|이름|名前)$/) &&
    has(
      /^(required|mandatory|optional|obligatorio|obrigatório|obligatoire|obbligatorio|pflicht|必填|必須|필수|wajib|bắt buộc|zorunlu|wymagane)\??$/,
    )
  )
    return true;
  // `Clearing Code | Bank`, `Country | Code | Currency`, `pchannel | Channel Name | Type`: a list of
  // banks, currencies, countries, card brands or payment channels, which a response-code document
  // often sets beside its codes. Such a list has no column of messages or descriptions; a code table
  // that names a bank or a channel per code (`Code | Bank | Description`) has one.
  if (has(ENTITY_COLUMN) && !header.some((c) => TEXT_ROLES.has(headerRole(c) as Role))) return true;
  return false;
}

/**
 * A row that titles a list of banks, currencies or channels (`Sitio | Moneda`, `pchannel | Channel
 * Name | Type`) where no header was found: short cells, such titles in words (not a code in capitals
 * such as CURRENCY, which may open a code table's first row), none a message column.
 */
export function entityTitles(cells: string[]): boolean {
  const filled = cells.filter((c) => !emptyish(c)).map(plain);
  if (filled.length < 2 || filled.some((c) => c.length > 30)) return false;
  if (filled.some((c) => TEXT_ROLES.has(headerRole(c) as Role))) return false;
  const titles = filled.filter((c) => {
    if (/^[A-Z0-9_.-]+$|[_\d]/.test(c)) return false;
    // The whole cell is such a title, or each of its languages' parts is (`Bank 銀行`).
    const [whole, ...parts] = headerParts(c);
    return ENTITY_COLUMN.test(whole as string) || (parts.length > 0 && parts.every((x) => ENTITY_COLUMN.test(x)));
  });
  // Two such titles, or one of two words (`Channel Name`): a row whose message is one such word
  // (`1004 | Currency`) is a code's.
  return titles.length >= 2 || titles.some((c) => /\s/.test(c.trim()));
}

/** A header that names a bank, a currency, a country, a card brand, a payment channel, a site or a language. */
const ENTITY_COLUMN =
  /^(?:(?:bank|banco|banque|銀行|银行|은행|ngân hàng|ธนาคาร)(?: ?(?:name|nome|nombre|nom|adı|名|명|名称|名稱))?|(?:nama|nome|nombre|nom) (?:bank|banco|banque|da moeda|de la moneda|del banco|do banco)|(?:currency|moeda|moneda|devise|währung|waluta|valuta|通貨|货币|貨幣|币种|幣種|幣別|币别|통화|para birimi|mata uang|tiền tệ|สกุลเงิน)(?: ?(?:name|nome|nombre))?|(?:country|país|pais|pays|国家|國家|국가|ülke|negara|quốc gia|ประเทศ)(?: ?(?:name|nome|nombre))?|card ?(?:type|brand|network|scheme)s?|brand|marca|bandeira|payment ?(?:method|channel|option)s?|channel ?name|método de pago|forma de pagamento|moyen de paiement|zahlungsart|支付方式|付款方式|決済手段|支払方法|sitio|site ?(?:id|name)|language|idioma|langue|sprache|言語|语言|語言|언어)$/;

/** Columns that hold what a code says. */
const TEXT_ROLES: ReadonlySet<Role> = new Set(['message', 'description', 'solution']);

/**
 * A header cell, whole and in its parts: a header in two languages (`Field 欄位`, `Code / 代碼`)
 * names its column in each.
 */
export function headerParts(cell: string): string[] {
  const whole = plain(cell).toLowerCase().trim();
  // Words of one script stay together: `field name 欄位名稱` → `field name`, `欄位名稱`.
  const parts: string[] = [];
  let latin: boolean | undefined;
  for (const word of whole.split(/[\s/／|]+/)) {
    if (word === '') continue;
    const l = /^[\x00-\x7f]+$/.test(word);
    if (l === latin && parts.length > 0) parts[parts.length - 1] += ` ${word}`;
    else parts.push(word);
    latin = l;
  }
  return parts.length > 1 ? [whole, ...parts] : [whole];
}
