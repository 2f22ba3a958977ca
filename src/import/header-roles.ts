import { plain } from './cells.js';

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
