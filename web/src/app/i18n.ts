/** i18n: Chinese by default, English as a switch. Each feature adds its own namespace. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ROLE_LABELS, DEPARTMENT_LABELS } from '@common/roles';

export type Dict = { [k: string]: string | Dict };

const roles = (lang: 'zh' | 'en') => Object.fromEntries(Object.entries(ROLE_LABELS).map(([k, v]) => [k, v[lang]]));
const depts = (lang: 'zh' | 'en') => Object.fromEntries(Object.entries(DEPARTMENT_LABELS).map(([k, v]) => [k, v[lang]]));

const common = {
  zh: {
    appName: '气客',
    appSubtitle: '天然气客户管理平台',
    menu: { open: '菜单', home: '首页', admin: '系统管理', users: '用户管理', audit: '审计日志', jobs: '定时任务' },
    actions: {
      search: '查询',
      reset: '重置',
      create: '新建',
      edit: '编辑',
      save: '保存',
      cancel: '取消',
      delete: '删除',
      export: '导出 Excel',
      import: '导入',
      confirm: '确定',
      back: '返回',
      refresh: '刷新',
      view: '查看',
      submit: '提交',
      download: '下载',
      upload: '上传',
      close: '关闭',
      more: '更多',
    },
    user: { changePassword: '修改密码', language: 'English', logout: '退出登录', notifications: '通知', markAllRead: '全部标为已读', noNotifications: '暂无通知' },
    state: { loading: '加载中…', empty: '暂无数据', error: '加载失败', retry: '重试', forbidden: '抱歉，您没有权限访问此页面', notFound: '页面不存在', goHome: '返回首页' },
    fields: { total: '共 {{count}} 条', createdAt: '创建时间', updatedAt: '更新时间', status: '状态', remark: '备注', actions: '操作' },
    roles: roles('zh'),
    departments: depts('zh'),
    units: { m3: 'm³', wan: '万方', gj: 'GJ', yuan: '元', days: '{{count}} 天' },
    saved: '已保存',
    colon: '：',
  },
  en: {
    appName: 'Qike',
    appSubtitle: 'Natural-gas customer management',
    menu: { open: 'Menu', home: 'Home', admin: 'Administration', users: 'Users', audit: 'Audit log', jobs: 'Jobs' },
    actions: {
      search: 'Search',
      reset: 'Reset',
      create: 'New',
      edit: 'Edit',
      save: 'Save',
      cancel: 'Cancel',
      delete: 'Delete',
      export: 'Export Excel',
      import: 'Import',
      confirm: 'OK',
      back: 'Back',
      refresh: 'Refresh',
      view: 'View',
      submit: 'Submit',
      download: 'Download',
      upload: 'Upload',
      close: 'Close',
      more: 'More',
    },
    user: { changePassword: 'Change password', language: '中文', logout: 'Sign out', notifications: 'Notifications', markAllRead: 'Mark all read', noNotifications: 'No notifications' },
    state: { loading: 'Loading…', empty: 'No data', error: 'Failed to load', retry: 'Retry', forbidden: 'Sorry, you do not have access to this page', notFound: 'Page not found', goHome: 'Back home' },
    fields: { total: '{{count}} in total', createdAt: 'Created', updatedAt: 'Updated', status: 'Status', remark: 'Remarks', actions: 'Actions' },
    roles: roles('en'),
    departments: depts('en'),
    units: { m3: 'm³', wan: '10⁴ m³', gj: 'GJ', yuan: 'CNY', days_one: '{{count}} day', days_other: '{{count}} days' },
    saved: 'Saved',
    colon: ': ',
  },
};

const STORAGE_KEY = 'qike.lang';
export function initialLang(): 'zh-CN' | 'en' {
  const s = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return s === 'en' ? 'en' : 'zh-CN';
}
export function rememberLang(lang: 'zh-CN' | 'en') {
  localStorage.setItem(STORAGE_KEY, lang);
}

void i18n.use(initReactI18next).init({
  lng: initialLang(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: ['common'],
  resources: { 'zh-CN': { common: common.zh }, en: { common: common.en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Register a feature's translations under its namespace. */
export function addTranslations(ns: string, zh: Dict, en: Dict) {
  i18n.addResourceBundle('zh-CN', ns, zh, true, true);
  i18n.addResourceBundle('en', ns, en, true, true);
}

export default i18n;
