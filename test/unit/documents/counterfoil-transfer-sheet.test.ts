import { describe, expect, it } from 'vitest';
import { renderTransferSheet } from '../../../src/documents/counterfoil-transfer-sheet.ts';
import { fujianTransfer, ziboTransfer } from '../../support/document-samples.ts';
import { firstPagePng, pdfImages, pdfPages, pdfText } from '../../support/pdf.ts';

describe('the counterfoil transfer sheet (副页移交记录表)', () => {
  it('003 附件1 三(一)2: the health bureau hands the hospitals’ counterfoils to the police on a list both sign', async () => {
    const pdf = await renderTransferSheet(fujianTransfer);
    const sut = pdfText(pdf);
    expect(sut).toContain('泉州市《出生医学证明》副页（户口联）移交记录表');
    expect(sut).toContain('移交单位南安市卫生健康局接收单位南安市公安局移交时间2024年11月8日');
    expect(sut).toContain('批次期间2024年10月1日至2024年10月31日县（市、区）南安市份数34份');
    expect(sut).toContain('流转路线南安市医院→南安市卫生健康局→南安市公安局');
    expect(sut).toContain('序号《出生医学证明》编号新生儿姓名性别出生日期母亲姓名落户区县机构名称接收确认');
    expect(sut).toContain('1Q3501204500陈子涵女2024年10月1日吴秀兰泉州市南安市南安市妇幼保健院✓已接收');
    for (const line of fujianTransfer.lines) expect(sut).toContain(line.certificateNumber);
    expect(sut).toContain('3Q3501204514黄雨桐女2024年10月3日郑美玲泉州市南安市南安市医院缺失：未见副页');
    expect(sut).toContain('不一致：母亲姓名与副页不符（副页为林丽花）');
    expect(sut).toContain('本批共34份；接收确认33份；缺失1份；不一致1份。双方核对上列清单一致后签字确认。');
    expect(sut).toContain('移交单位（盖章）：南安市卫生健康局移交人签字：（林晓）日期：2024年11月8日');
    expect(sut).toContain('接收单位（盖章）：南安市公安局接收人签字：（陈明）日期：2024年11月8日');
    expect(pdfImages(pdf)).toBe(2);
  });

  it('003 附件1 三(一)2: a long batch runs on to a continued page that repeats the column heads', async () => {
    const pdf = await renderTransferSheet(fujianTransfer);
    const sut = pdfText(pdf);
    expect(pdfPages(pdf)).toBe(2);
    expect(sut).toContain('第1页共2页');
    expect(sut).toContain('泉州市《出生医学证明》副页（户口联）移交记录表（续）序号《出生医学证明》编号');
    expect(sut).toContain('第2页共2页');
  });

  it('000 四(一): the hospital’s monthly list to the county hukou section, not yet checked by the receiver', async () => {
    const pdf = await renderTransferSheet(ziboTransfer);
    const sut = pdfText(pdf);
    expect(sut).toContain('出生医学证明第二联明细表');
    expect(sut).toContain('移交单位淄博市妇幼保健院接收单位张店区公安分局户籍科移交时间年月日');
    expect(sut).toContain('县（市、区）张店区份数6份');
    expect(sut).not.toContain('流转路线');
    expect(sut).not.toContain('机构名称');
    expect(sut).toContain('6Q3501204535王宇轩男2024年10月6日洪静怡淄博市张店区');
    expect(sut).toContain('本批共6份。接收方逐份核对后在“接收确认”栏打“✓”');
    expect(sut.replace('打“✓”', '')).not.toContain('✓');
    expect(sut).toContain('移交人签字：日期：年月日');
    expect(pdfImages(pdf)).toBe(0);
    expect(pdfPages(pdf)).toBe(1);
    const page = firstPagePng(pdf);
    // A4 landscape at 60 dpi, give or take poppler's rounding.
    expect(Math.abs(page.width - 702)).toBeLessThanOrEqual(1);
    expect(Math.abs(page.height - 496)).toBeLessThanOrEqual(1);
    expect(page.png.length).toBeGreaterThan(20_000);
  });

  it('the rule it follows, document number and clause, under the list and before the signatures', async () => {
    const basis = '《淄博市新生儿出生“一件事”集成服务实施细则》（淄卫办发〔2021〕9号）四(一)';
    const pdf = await renderTransferSheet({ ...ziboTransfer, basis });
    const sut = pdfText(pdf);
    expect(sut).toContain(
      `双方签字确认。依据：${basis}移交单位（盖章）：淄博市妇幼保健院`.replace(/\s+/g, ''),
    );
    expect(pdfPages(pdf)).toBe(1);
  });

  it('without lines the sheet prints blank rows to write in by hand', async () => {
    const sut = pdfText(
      await renderTransferSheet({
        route: ['某医院', '某公安分局户籍科'],
        period: ziboTransfer.period,
        lines: [],
      }),
    );
    expect(sut).toContain('份数序号');
    expect(sut).toContain('移交单位（盖章）：某医院');
    expect(sut).not.toContain('本批共');
  });

  it('a hand-off needs a sender and a receiver on the route', () => {
    expect(() => renderTransferSheet({ ...ziboTransfer, route: ['淄博市妇幼保健院'] })).toThrow(RangeError);
    expect(() => renderTransferSheet({ ...fujianTransfer, leg: 2 })).toThrow(RangeError);
  });
});
