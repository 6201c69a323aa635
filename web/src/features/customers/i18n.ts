import { addTranslations } from '../../app/i18n';

export const NS = 'customers';

addTranslations(
  NS,
  {
    menu: { customers: '客户档案', network: '供气网络', expiring: '证照到期' },
    tabs: { archive: '档案', deliveryPoints: '交付点', documents: '证照资料', history: '历史与时间线' },
    f: {
      code: '客户编码', name: '客户名称', uscc: '统一社会信用代码', type: '客户类型', priceCategory: '价格类别', region: '地区', province: '省', city: '市', county: '区县', address: '地址',
      status: '状态', servesResidents: '服务居民', residentialShare: '居民用气占比', residentialSharePct: '居民用气占比（%）', verifiedOn: '用气结构核查日期', exchangeStatus: '交易中心会员', tags: '标签', notes: '备注',
      fullTime: '专职客户经理', partTime: '兼职客户经理', managers: '客户经理', updatedAt: '更新时间', createdAt: '建档时间', closedAt: '销户时间', pinyin: '拼音首字母',
      search: '名称 / 编码 / 信用代码 / 拼音首字母', manager: '客户经理',
      dpName: '交付点名称', dpCode: '交付点编码', dpKind: '类型', meterNo: '计量表号', pressure: '压力级制', supplySource: '气源', active: '启用',
      docKind: '证照类型', docTitle: '文件名称', docNo: '证照编号', issuedOn: '发证日期', expiresOn: '到期日期', file: '文件', size: '大小', uploadedBy: '上传人', uploadedAt: '上传时间', daysLeft: '剩余天数',
      reason: '原因', to: '变更为', at: '时间', actor: '操作人', action: '操作', change: '变更内容', kind: '类别', phone: '电话', assignedAt: '指定时间', unassignedAt: '解除时间', user: '人员',
      sourceKind: '气源类型', sourceName: '名称', parent: '上级', sourceCode: '编码', dps: '交付点数', customer: '客户',
      pressureLevel: '压力级制', useStructureVerifiedOn: '用气结构核查日期', supplySourceId: '气源', fileName: '文件', sizeBytes: '大小（字节）', title: '名称', displayName: '人员', username: '账号', userId: '用户 ID', row: '导入行号',
    },
    a: {
      create: '新建客户', edit: '编辑档案', transition: '变更状态', managers: '客户经理', import: '导入档案', export: '导出 Excel', template: '下载导入模板', validate: '校验', doImport: '导入',
      addDp: '新增交付点', editDp: '编辑交付点', deactivate: '停用', activate: '启用', upload: '上传证照', download: '下载', assign: '指定', reassign: '更换专职客户经理', unassign: '解除', addSource: '新增气源',
      deleteConfirm: '确定删除？', open: '查看',
    },
    figures: { deliveryPoints: '交付点', documents: '证照资料', expiring: '即将到期/已过期', residential: '居民用气占比', exchange: '交易中心' },
    importDlg: {
      title: '导入客户档案', hint: '请使用导入模板（.xlsx）。默认“全部或不导入”：只要有一行有错误，就不导入任何数据。', mode: '导入方式', allOrNothing: '全部或不导入（默认）', validOnly: '仅导入有效行',
      drop: '点击或拖拽 Excel 文件到此处', total: '共 {{total}} 行，有效 {{valid}} 行', imported: '已导入 {{n}} 条客户档案', noErrors: '校验通过，没有错误', row: '行号', field: '字段', message: '问题',
      nothingImported: '存在错误，未导入任何数据',
    },
    transitionDlg: { title: '变更客户状态', current: '当前状态', reasonRequired: '请填写变更原因', refused: '无法变更' },
    managerDrawer: { title: '客户经理', current: '当前负责', history: '指定记录', assignTitle: '指定客户经理', reassignTitle: '更换专职客户经理', reasonPrompt: '请填写解除原因', none: '暂无', fullTimeRequired: '签约、供气、减停气状态的客户必须有一名专职客户经理' },
    history: { timeline: '生命周期时间线', changes: '变更历史', created: '建档', empty: '暂无变更' },
    actions: {
      'customer.create': '建档', 'customer.update': '修改档案', 'customer.import': '导入建档', 'customer.transition': '状态变更', 'manager.assign': '指定客户经理', 'manager.reassign': '更换专职客户经理', 'manager.unassign': '解除客户经理',
      'delivery_point.create': '新增交付点', 'delivery_point.update': '修改交付点', 'delivery_point.delete': '删除交付点', 'document.upload': '上传证照', 'document.update': '修改证照', 'document.delete': '删除证照',
    },
    msg: { saved: '已保存', created: '客户已建档', deleted: '已删除', uploaded: '已上传', usccHint: '18 位，校验位按 GB 32100-2015 计算', shareHint: '城市燃气：居民用气量占总用气量的百分比', expired: '已过期', soon: '{{n}} 天后到期', days: '{{n}} 天', noExpiry: '长期', expiringTitle: '证照到期提醒', expiringSubtitle: '已过期或 {{days}} 天内到期的证照（您负责的客户）', allGood: '没有即将到期的证照' },
    v: { nameRequired: '请输入客户名称', typeRequired: '请选择客户类型', priceRequired: '请选择价格类别', regionRequired: '请选择省和市', usccInvalid: '统一社会信用代码无效（长度、字符或校验位不正确）', shareInvalid: '应为 0–100 之间的数字，最多 2 位小数', required: '必填' },
  },
  {
    menu: { customers: 'Customers', network: 'Supply network', expiring: 'Licence expiry' },
    tabs: { archive: 'Archive', deliveryPoints: 'Delivery points', documents: 'Documents', history: 'History & timeline' },
    f: {
      code: 'Code', name: 'Name', uscc: 'USCC', type: 'Type', priceCategory: 'Price category', region: 'Region', province: 'Province', city: 'City', county: 'County', address: 'Address',
      status: 'Status', servesResidents: 'Serves residents', residentialShare: 'Residential share', residentialSharePct: 'Residential share (%)', verifiedOn: 'Use structure verified on', exchangeStatus: 'Exchange membership', tags: 'Tags', notes: 'Notes',
      fullTime: 'Full-time manager', partTime: 'Part-time managers', managers: 'Managers', updatedAt: 'Updated', createdAt: 'Created', closedAt: 'Closed', pinyin: 'Pinyin initials',
      search: 'Name / code / USCC / pinyin initials', manager: 'Manager',
      dpName: 'Name', dpCode: 'Code', dpKind: 'Kind', meterNo: 'Meter no.', pressure: 'Pressure level', supplySource: 'Supply source', active: 'Active',
      docKind: 'Kind', docTitle: 'Title', docNo: 'Number', issuedOn: 'Issued on', expiresOn: 'Expires on', file: 'File', size: 'Size', uploadedBy: 'Uploaded by', uploadedAt: 'Uploaded', daysLeft: 'Days left',
      reason: 'Reason', to: 'New status', at: 'Time', actor: 'By', action: 'Action', change: 'Change', kind: 'Kind', phone: 'Phone', assignedAt: 'Assigned', unassignedAt: 'Unassigned', user: 'Person',
      sourceKind: 'Kind', sourceName: 'Name', parent: 'Parent', sourceCode: 'Code', dps: 'Delivery points', customer: 'Customer',
      pressureLevel: 'Pressure level', useStructureVerifiedOn: 'Use structure verified on', supplySourceId: 'Supply source', fileName: 'File', sizeBytes: 'Size (bytes)', title: 'Title', displayName: 'Person', username: 'Username', userId: 'User id', row: 'Import row',
    },
    a: {
      create: 'New customer', edit: 'Edit archive', transition: 'Change status', managers: 'Managers', import: 'Import', export: 'Export Excel', template: 'Download template', validate: 'Validate', doImport: 'Import',
      addDp: 'Add delivery point', editDp: 'Edit delivery point', deactivate: 'Deactivate', activate: 'Activate', upload: 'Upload document', download: 'Download', assign: 'Assign', reassign: 'Reassign full-time manager', unassign: 'Remove', addSource: 'Add supply source',
      deleteConfirm: 'Delete?', open: 'Open',
    },
    figures: { deliveryPoints: 'Delivery points', documents: 'Documents', expiring: 'Expiring / expired', residential: 'Residential share', exchange: 'Exchange' },
    importDlg: {
      title: 'Import customer archives', hint: 'Use the import template (.xlsx). By default all or nothing: if any row has an error, nothing is imported.', mode: 'Mode', allOrNothing: 'All or nothing (default)', validOnly: 'Valid rows only',
      drop: 'Click or drop an Excel file here', total: '{{total}} rows, {{valid}} valid', imported: '{{n}} customer archives imported', noErrors: 'No errors', row: 'Row', field: 'Field', message: 'Problem',
      nothingImported: 'There are errors; nothing was imported',
    },
    transitionDlg: { title: 'Change customer status', current: 'Current status', reasonRequired: 'Enter a reason', refused: 'Not possible' },
    managerDrawer: { title: 'Account managers', current: 'Current', history: 'Assignment history', assignTitle: 'Assign a manager', reassignTitle: 'Reassign the full-time manager', reasonPrompt: 'Reason for removing', none: 'None', fullTimeRequired: 'Contracted, active and restricted customers must have one full-time manager' },
    history: { timeline: 'Lifecycle timeline', changes: 'Change history', created: 'Created', empty: 'No changes' },
    actions: {
      'customer.create': 'Created', 'customer.update': 'Archive changed', 'customer.import': 'Imported', 'customer.transition': 'Status changed', 'manager.assign': 'Manager assigned', 'manager.reassign': 'Full-time manager reassigned', 'manager.unassign': 'Manager removed',
      'delivery_point.create': 'Delivery point added', 'delivery_point.update': 'Delivery point changed', 'delivery_point.delete': 'Delivery point deleted', 'document.upload': 'Document uploaded', 'document.update': 'Document changed', 'document.delete': 'Document deleted',
    },
    msg: { saved: 'Saved', created: 'Customer created', deleted: 'Deleted', uploaded: 'Uploaded', usccHint: '18 characters, check digit per GB 32100-2015', shareHint: 'City gas: residential volume as a percentage of the total', expired: 'Expired', soon: 'in {{n}} days', days: '{{n}} days', noExpiry: 'No expiry', expiringTitle: 'Licence expiry', expiringSubtitle: 'Expired or expiring within {{days}} days (your customers)', allGood: 'Nothing expiring soon' },
    v: { nameRequired: 'Enter the name', typeRequired: 'Choose a type', priceRequired: 'Choose a price category', regionRequired: 'Choose province and city', usccInvalid: 'Invalid USCC (length, characters or check digit)', shareInvalid: 'A number 0–100 with at most 2 decimals', required: 'Required' },
  },
);
