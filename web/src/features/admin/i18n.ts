import { addTranslations } from '../../app/i18n';

addTranslations(
  'admin',
  {
    users: {
      title: '用户管理', username: '用户名', displayName: '姓名', roles: '角色', department: '科室/作业区', phone: '电话', email: '邮箱', disabled: '状态', active: '正常', inactive: '已停用',
      create: '新建用户', edit: '编辑用户', password: '初始密码', passwordHint: '至少 10 位，含字母和数字；用户首次登录须修改', reset: '重置密码', resetTitle: '重置 {{name}} 的密码', disable: '停用', enable: '启用',
      disableConfirm: '停用后该用户的所有登录立即失效，确定停用？', search: '用户名或姓名', created: '用户已创建', updated: '已更新', resetDone: '密码已重置，该用户的登录已全部失效',
    },
    locks: { title: '登录失败与锁定', policy: '同一用户名 {{user}} 次、同一来源地址 {{ip}} 次失败（{{windowMinutes}} 分钟内）后锁定 {{lockMinutes}} 分钟', kind: '类型', user: '用户名', ip: '来源地址', value: '用户名/地址', failures: '失败次数', lockedUntil: '锁定至', last: '最近尝试', clear: '解除', clearConfirm: '清除该记录并解除锁定？', cleared: '已解除', empty: '当前没有登录失败或锁定' },
    audit: { title: '审计日志', at: '时间', user: '操作人', action: '动作', entity: '对象', entityId: '对象编号', customer: '客户编号', changes: '变更内容', before: '变更前', after: '变更后', range: '时间范围', ip: '来源地址' },
    jobs: { title: '定时任务', name: '任务', description: '说明', dailyAt: '每日执行时间', key: '执行键（日期/月份）', run: '立即执行', lastRuns: '最近执行', status: '结果', started: '开始', by: '触发人', succeeded: '成功', failed: '失败', running: '执行中', interrupted: '已中断', ran: '任务已执行：{{status}}', failingTitle: '{{key}} 已连续失败或中断 {{n}} 次', retrying: '调度器会自动重试；已通知管理员。', gaveUp: '已停止自动重试，请排查原因后点击“立即执行”。' },
  },
  {
    users: {
      title: 'Users', username: 'Username', displayName: 'Name', roles: 'Roles', department: 'Department / area', phone: 'Phone', email: 'Email', disabled: 'Status', active: 'Active', inactive: 'Disabled',
      create: 'New user', edit: 'Edit user', password: 'Initial password', passwordHint: 'At least 10 characters with letters and digits; changed at first sign-in', reset: 'Reset password', resetTitle: 'Reset the password of {{name}}', disable: 'Disable', enable: 'Enable',
      disableConfirm: 'Disabling ends all of this user\'s sessions at once. Disable?', search: 'Username or name', created: 'User created', updated: 'Updated', resetDone: 'Password reset; the user\'s sessions were ended',
    },
    locks: { title: 'Failed sign-ins and lockouts', policy: 'Locked for {{lockMinutes}} minutes after {{user}} failures per username or {{ip}} per address within {{windowMinutes}} minutes', kind: 'Kind', user: 'Username', ip: 'Address', value: 'Username / address', failures: 'Failures', lockedUntil: 'Locked until', last: 'Last attempt', clear: 'Clear', clearConfirm: 'Clear this record and lift the lock?', cleared: 'Cleared', empty: 'No failed sign-ins or lockouts right now' },
    audit: { title: 'Audit log', at: 'Time', user: 'User', action: 'Action', entity: 'Entity', entityId: 'Entity id', customer: 'Customer id', changes: 'Changes', before: 'Before', after: 'After', range: 'Period', ip: 'Address' },
    jobs: { title: 'Jobs', name: 'Job', description: 'Description', dailyAt: 'Runs daily at', key: 'Run key (day / month)', run: 'Run now', lastRuns: 'Recent runs', status: 'Result', started: 'Started', by: 'Triggered by', succeeded: 'Succeeded', failed: 'Failed', running: 'Running', interrupted: 'Interrupted', ran: 'Job finished: {{status}}', failingTitle: '{{key}} failed or was interrupted {{n}} times in a row', retrying: 'The scheduler retries it automatically; administrators were alerted.', gaveUp: 'Automatic retries stopped: find the cause, then press “Run now”.' },
  },
);
