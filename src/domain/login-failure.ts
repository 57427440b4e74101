import type { Bilingual } from './text.ts';

/**
 * Why a unified-identity (OIDC) login did not complete, as the person at the login page reads it:
 * what happened and what to do now. The callback sends the browser back to the login page it came
 * from with the reason in the address; the technical cause stays in the server's log.
 */
export const LOGIN_FAILURES = {
  cancelled: {
    what: {
      zh: '您已在统一身份认证页面取消登录。',
      en: 'You cancelled the login at the unified-identity service.',
    },
    todo: { zh: '如需继续办理，请重新点击登录。', en: 'To continue, log in again.' },
  },
  provider: {
    what: {
      zh: '统一身份认证服务未能完成这次登录。',
      en: 'The unified-identity service could not complete this login.',
    },
    todo: {
      zh: '请稍后重新登录；如仍不成功，请联系统一身份认证服务的客服。',
      en: 'Please log in again later; if it still fails, contact the unified-identity service’s help desk.',
    },
  },
  expired: {
    what: {
      zh: '登录已超时，或不是从本页面发起的。',
      en: 'The login took too long, or was not started from this page.',
    },
    todo: {
      zh: '请在本页面重新点击登录，并在 10 分钟内完成。',
      en: 'Please log in again from this page and finish within 10 minutes.',
    },
  },
  state: {
    what: {
      zh: '返回的登录结果与您发起的登录不符，为保护您的账号，本次登录已被拒绝。',
      en: 'The login that came back does not match the one you started; to protect your account it was refused.',
    },
    todo: { zh: '请在本页面重新点击登录。', en: 'Please log in again from this page.' },
  },
  code: {
    what: {
      zh: '这次登录的授权已经使用过或已过期。',
      en: 'This login’s authorization has already been used or has expired.',
    },
    todo: { zh: '请重新点击登录。', en: 'Please log in again.' },
  },
  token: {
    what: {
      zh: '统一身份认证返回的身份凭证未通过验证，为保护您的账号，本次登录已被拒绝。',
      en: 'The identity token from the unified-identity service failed verification; to protect your account the login was refused.',
    },
    todo: {
      zh: '请重新登录；如仍不成功，请联系本平台客服。',
      en: 'Please log in again; if it still fails, contact this service’s help desk.',
    },
  },
  claim: {
    what: {
      zh: '统一身份认证没有提供有效的身份证号，无法确认您的身份。',
      en: 'The unified-identity service did not provide a valid citizen ID number, so you could not be identified.',
    },
    todo: {
      zh: '请在统一身份认证中完成实名认证后重新登录。',
      en: 'Please complete real-name verification with the unified-identity service, then log in again.',
    },
  },
  no_staff_account: {
    what: {
      zh: '您的身份没有对应的工作人员账号。',
      en: 'Your identity holds no staff account on the workbench.',
    },
    todo: {
      zh: '请联系本单位负责人开通账号后再登录。',
      en: 'Ask the head of your organisation to open an account for you, then log in again.',
    },
  },
  no_supervisor_account: {
    what: {
      zh: '您的身份没有对应的监察人员账号。',
      en: 'Your identity holds no supervisor account.',
    },
    todo: {
      zh: '请联系平台管理员开通监察账号（写明负责的地区）后再登录；部门工作人员请从部门工作台登录。',
      en: 'Ask the platform’s administrator for a supervisor account for your regions, then log in again; department staff log in at the workbench.',
    },
  },
  unavailable: {
    what: {
      zh: '暂时无法连接统一身份认证服务。',
      en: 'The unified-identity service cannot be reached at the moment.',
    },
    todo: { zh: '请稍后再试。', en: 'Please try again later.' },
  },
} as const satisfies Record<string, { what: Bilingual; todo: Bilingual }>;

export type LoginFailureReason = keyof typeof LOGIN_FAILURES;

export const isLoginFailureReason = (s: string | null | undefined): s is LoginFailureReason =>
  !!s && Object.hasOwn(LOGIN_FAILURES, s);

/** A refused login: `reason` for the person, `detail` (the technical cause) for the operator's log. */
export class LoginFailure extends Error {
  constructor(
    readonly reason: LoginFailureReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}
