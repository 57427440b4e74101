import { describe, expect, it } from 'vitest';
import { sichuanTongchuan } from '../../../src/policies/sichuan-tongchuan.ts';
import {
  JOINT_ITEMS,
  RECEIPT_MATERIALS,
  renderAuthorizationLetter,
  renderJointApplicationForm,
  renderMaterialsReceipt,
} from '../../../src/documents/tongchuan/index.ts';
import { authorizationLetter, jointForm, materialsReceipt } from '../../support/document-samples.ts';
import { firstPagePng, pdfImages, pdfPages, pdfText } from '../../support/pdf.ts';

/** A4 portrait at 60 dpi, and more bytes than a blank page takes: something is drawn on it. */
function expectPortraitPage(pdf: Buffer) {
  const sut = firstPagePng(pdf);
  expect(sut.png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(Math.abs(sut.width - 496)).toBeLessThanOrEqual(1);
  expect(Math.abs(sut.height - 702)).toBeLessThanOrEqual(1);
  expect(sut.png.length).toBeGreaterThan(20_000);
}

describe('Tongchuan joint window: the application form (002 附件1)', () => {
  it('002 附件1: every section of the attachment, in its order', async () => {
    const sut = pdfText(await renderJointApplicationForm(jointForm));
    // Each section's name, then the first words of its first row.
    const sections = [
      '达州市通川区“新生儿出生一件事”联办申请表',
      '基本信息婴儿姓名',
      '需办理事项✓《出生医学证明》签发',
      '户口登记经父母双方协商一致',
      '城乡居民基本医疗保险参保登记参保地：',
      '社会保障卡申领发卡地',
      '证件流转信息申请材料是否需邮寄',
      '承诺签名本人核对以上填写内容正确无误',
      '注：此表由婴儿母亲在四川政务服务网在线填写，并提出申请。',
    ];
    const at = sections.map((s) => sut.indexOf(s));
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('002 附件1 基本信息: the baby, the mother and the father, ID numbers in full', async () => {
    const sut = pdfText(await renderJointApplicationForm(jointForm));
    expect(sut).toContain('婴儿姓名王小川性别女出生时间2024年10月5日8时30分'); // 00:30 UTC is 08:30 in Beijing
    expect(sut).toContain('出生孕周39周出生体重3250克出生身长50厘米接生员刘春梅');
    expect(sut).toContain('出生地点四川省达州市通川区分娩助产机构达州市中心医院');
    expect(sut).toContain('母亲姓名李秀英证件类型居民身份证证件号码511702199503124521');
    expect(sut).toContain('出生日期1995年3月12日国籍中国民族汉族籍贯四川达州');
    expect(sut).toContain('户籍地址四川省达州市通川区西城街道朝阳路88号2单元301室');
    expect(sut).toContain('居住地址四川省达州市通川区东城街道凤凰大道126号');
    expect(sut).toContain('父亲姓名王建国证件类型居民身份证证件号码51170219930817361X');
    expect(sut).toContain('出生日期1993年8月17日国籍中国民族土家族籍贯四川宣汉');
  });

  it('002 附件1: the chosen items, registration, insurance, card and delivery are ticked and filled', async () => {
    const sut = pdfText(await renderJointApplicationForm(jointForm));
    expect(sut).toContain('✓《出生医学证明》签发✓预防接种证办理✓户口登记城乡居民医保参保登记✓社会保障卡申领');
    expect(sut).toContain('随（✓父亲母亲）申报拟落户地达州市通川区西城街道');
    expect(sut).toContain('户主姓名王建国户主身份证号码51170219930817361X与户主关系女');
    expect(sut).toContain('婴儿籍贯（随父）四川宣汉婴儿民族（随✓父亲或母亲）土家族');
    expect(sut).toContain('参保地：达州市通川区西城街道朝阳社区');
    expect(sut).toContain('发卡地达州市开户银行四川天府银行达州分行');
    // The applicant is the mother, so a daughter makes the relation 母女.
    expect(sut).toContain('申请人与婴儿监护关系✓母女母子');
    expect(sut).toContain('是（跨区域办理）✓否（县城区内办理）');
    expect(sut).toContain('领取方式：✓邮寄自行领取（县级政务服务中心专窗）');
    expect(sut).toContain('《社会保障卡》发卡：✓邮寄');
    expect(sut).toContain(
      '邮寄地址四川省达州市通川区东城街道凤凰大道126号收件人（限母亲）李秀英电话13800000001',
    );
    expect(sut).toContain('申领须知：1.为确保新生儿的社会保障卡正常使用');
  });

  it('002 附件1 承诺签名: the promise, both signatures with their phones, and the date', async () => {
    const pdf = await renderJointApplicationForm(jointForm);
    const sut = pdfText(pdf);
    expect(sut).toContain('《出生医学证明》一经签发，证件上信息原则上不予变更。');
    expect(sut).toContain('申请人（婴儿母亲）签名：联系电话：13800000001');
    expect(sut).toContain('（婴儿父亲）签名：联系电话：13900000002');
    expect(sut).toContain('申请日期：2024年10月6日');
    expect(pdfImages(pdf)).toBe(2);
    expect(pdfPages(pdf)).toBe(1);
    expectPortraitPage(pdf);
  });

  it('002 附件1: without data the form prints blank, its boxes unticked, to fill in by hand', async () => {
    const pdf = await renderJointApplicationForm({});
    const sut = pdfText(pdf);
    expect(sut).toContain('婴儿姓名性别出生时间年月日时分出生孕周周出生体重克出生身长厘米接生员');
    expect(sut).toContain('出生地点四川省市（州）县（市、区）分娩助产机构');
    expect(sut).toContain('参保地：市（州）县（市、区）乡镇（街道）村（社区）');
    expect(sut).not.toContain('✓');
    expect(pdfImages(pdf)).toBe(0);
    expect(pdfPages(pdf)).toBe(1);
  });

  it('002 附件1 出生时间: the time of birth is Beijing wall-clock time, midnight as 0时', async () => {
    const sut = pdfText(await renderJointApplicationForm({ baby: { bornAt: '2024-10-04T16:00:00.000Z' } }));
    expect(sut).toContain('出生时间2024年10月5日0时0分');
  });

  it('002 二(二): the form lists the policy’s items but the premium, which the family pays itself', () => {
    const policyItems = sichuanTongchuan.items.map((i) => i.id).filter((id) => id !== 'insurance-payment');
    expect([...JOINT_ITEMS]).toEqual(policyItems);
  });
});

describe('Tongchuan joint window: the authorization letter (002 附件3)', () => {
  it('002 附件3: the mother authorizes the hospital, every blank filled', async () => {
    const pdf = await renderAuthorizationLetter(authorizationLetter);
    const sut = pdfText(pdf);
    expect(sut).toContain('达州市通川区“新生儿出生一件事”联办授权委托书');
    expect(sut).toContain(
      '兹有委托人李秀英，身份证号码511702199503124521，于2024年10月5日在达州市中心医院分娩。分娩的新生儿姓名王小川，性别女。现受权委托医院达州市中心医院办理以下事项：',
    );
    expect(sut).toContain(
      '✓预防接种单✓出生医学证明✓新生儿户口登记✓城乡居民医疗保险参保登记✓社保卡申领凡在上述委托权利内，由受委托人行为所造成的法律后果，委托人均予以承认。',
    );
    expect(sut).toContain('委托期限从2024年10月6日起，至2024年12月31日止。');
    expect(sut).toContain('委托人签字：2024年10月6日受委托人签字：2024年10月6日');
    expect(pdfImages(pdf)).toBe(2);
    expectPortraitPage(pdf);
  });

  it('002 附件3: blank, the letter keeps the attachment’s wording around its blanks', async () => {
    const pdf = await renderAuthorizationLetter({ items: ['birth-certificate', 'hukou-registration'] });
    const sut = pdfText(pdf);
    expect(sut).toContain(
      '兹有委托人，身份证号码，于年月日在医院分娩。分娩的新生儿姓名，性别。现受权委托医院办理以下事项：',
    );
    expect(sut).toContain('预防接种单✓出生医学证明✓新生儿户口登记城乡居民医疗保险参保登记社保卡申领');
    expect(sut).toContain('委托期限从年月日起，至年月日止。');
    expect(pdfImages(pdf)).toBe(0);
  });
});

describe('Tongchuan joint window: the materials receipt (002 附件2)', () => {
  it('002 附件2: all six materials listed, ticked where received, with both signatures and the date', async () => {
    const pdf = await renderMaterialsReceipt(materialsReceipt);
    const sut = pdfText(pdf);
    expect(sut).toContain('达州市通川区“新生儿出生一件事”联办资料收件回执');
    expect(sut).toContain('兹收取以下材料办理达州通川区“新生儿出生一件事”多证联办事宜，收取材料清单如下：');
    expect(sut).toContain(
      '✓1.结婚证原件；✓2.新生儿父母身份证原件；✓3.户口本（上户方）原件；4.出生医学证明（正页、副页）；' +
        '✓5.达州市通川区“新生儿出生一件事”联办申请表；✓6.达州市通川区“新生儿出生一件事”联办授权委托书。',
    );
    expect(sut).toContain('共收取5项');
    expect(sut).toContain('交接人员签字：接收人员签字：2024年10月6日');
    expect(pdfImages(pdf)).toBe(2);
    expectPortraitPage(pdf);
  });

  it('002 附件2: the receipt’s materials are the policy’s materials, by id and in order', () => {
    expect(RECEIPT_MATERIALS.map((m) => m.id)).toEqual(sichuanTongchuan.materials.map((m) => m.id));
  });

  it('002 附件2: nothing received yet, no box is ticked', async () => {
    const sut = pdfText(await renderMaterialsReceipt({}));
    expect(sut).toContain('1.结婚证原件；');
    expect(sut).toContain('6.达州市通川区“新生儿出生一件事”联办授权委托书。');
    expect(sut).toContain('共收取0项');
    expect(sut).toContain('交接人员签字：接收人员签字：年月日');
    expect(sut.replace('打“✓”', '')).not.toContain('✓');
  });
});
