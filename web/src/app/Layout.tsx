import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Drawer, Dropdown, Flex, Grid, Layout as AntLayout, List, Menu, Popover, Typography, App as AntApp } from 'antd';
import { BellOutlined, GlobalOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { shellApi } from './api';
import { canWith, useMe, useSetMe } from './auth';
import { webModules } from './modules';
import { Loading } from '../components/States';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { formatDateTime } from '../lib/format';
import i18n, { rememberLang } from './i18n';

function Notifications() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['notifications'], queryFn: () => shellApi.notifications(20), refetchInterval: 60_000 });
  const markAll = useMutation({ mutationFn: () => shellApi.markRead(), onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }) });
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflow: 'auto' }}>
      <List
        size="small"
        locale={{ emptyText: t('user.noNotifications') }}
        dataSource={q.data?.items ?? []}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : undefined, opacity: n.readAt ? 0.6 : 1 }}
            onClick={() => {
              if (n.link) navigate(n.link);
              void shellApi.markRead([n.id]).then(() => qc.invalidateQueries({ queryKey: ['notifications'] }));
            }}
          >
            <List.Item.Meta
              title={n.title}
              description={
                <>
                  {n.body && <div>{n.body}</div>}
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between">
          {t('user.notifications')}
          <Button size="small" type="link" onClick={() => markAll.mutate()}>
            {t('user.markAllRead')}
          </Button>
        </Flex>
      }
      content={content}
    >
      <Badge count={q.data?.unread ?? 0} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={t('user.notifications')} />
      </Badge>
    </Popover>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const setMe = useSetMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const [pwOpen, setPwOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  // A phone (< 768 px, issue 9 item 5): the menu moves into a drawer and the header keeps only icons.
  const mobile = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = useMemo(() => {
    const entries = webModules.flatMap((m) => m.menu ?? []).filter((e) => canWith(me, e.permission));
    entries.sort((a, b) => a.order - b.order);
    return [{ key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('menu.home')}</Link> }, ...entries.map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{t(e.label)}</Link> }))];
  }, [me, t]);
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)))
    .sort((a, b) => b.length - a.length)[0];

  const switchLang = async () => {
    const next = i18n.language === 'en' ? 'zh-CN' : 'en';
    await shellApi.setLang(next);
    rememberLang(next);
    await i18n.changeLanguage(next);
    if (me) setMe({ ...me, lang: next });
    void qc.invalidateQueries();
  };
  const logout = async () => {
    await shellApi.logout().catch(() => {});
    setMe(null);
    qc.clear();
    navigate('/login');
    message.success(t('user.logout'));
  };

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} width={240} styles={{ body: { padding: 0 } }} closable={false} data-testid="menu-drawer">
          <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 700, fontSize: 18, color: '#1677ff' }}>
            {i18n.language === 'en' ? 'Qike' : `${t('appName')} · Qike`}
          </div>
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 'none' }} onClick={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        /* the sider stays in view and its menu scrolls on its own, above the collapse button (which the sider's padding keeps clear) */
        <AntLayout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={200}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', boxSizing: 'border-box', overflow: 'hidden' }}
        >
          <div style={{ height: '100%', overflowY: 'auto', overflowX: 'hidden' }} data-testid="side-menu">
            <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 700, fontSize: collapsed ? 16 : 18, color: '#1677ff' }}>
              {collapsed ? t('appName').slice(0, 1) : i18n.language === 'en' ? 'Qike' : `${t('appName')} · Qike`}
            </div>
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 'none' }} />
          </div>
        </AntLayout.Sider>
      )}
      <AntLayout>
        <AntLayout.Header style={{ background: '#fff', padding: mobile ? '0 8px' : '0 16px', height: 56, lineHeight: '56px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            {mobile ? (
              <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('menu.open')} data-testid="menu-open" />
            ) : (
              <Typography.Text type="secondary" ellipsis>
                {t('appSubtitle')}
              </Typography.Text>
            )}
            <Flex gap={mobile ? 0 : 8} align="center">
              <GlobalSearch compact={mobile} />
              <Button type="text" icon={<GlobalOutlined />} onClick={switchLang} data-testid="lang-switch" aria-label={t('user.language')}>
                {/* the other language's name in its own language (中文 / English), marked as such */}
                {mobile ? null : <span lang={i18n.language === 'en' ? 'zh-CN' : 'en'}>{t('user.language')}</span>}
              </Button>
              <Notifications />
              <Dropdown
                menu={{
                  items: [
                    { key: 'pw', icon: <KeyOutlined />, label: t('user.changePassword'), onClick: () => setPwOpen(true) },
                    { type: 'divider' },
                    { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), onClick: logout },
                  ],
                }}
              >
                <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                  {mobile ? null : (
                    <>
                      {me?.displayName}{' '}
                      <Typography.Text type="secondary" style={{ marginLeft: 4 }}>
                        {me?.roles.map((r) => t(`roles.${r}`)).join(i18n.language === 'en' ? ', ' : '、')}
                      </Typography.Text>
                    </>
                  )}
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </AntLayout.Header>
        <AntLayout.Content style={{ minWidth: 0 }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </AntLayout.Content>
      </AntLayout>
      <ChangePasswordModal open={pwOpen || !!me?.mustChangePassword} forced={!!me?.mustChangePassword} onClose={() => setPwOpen(false)} />
    </AntLayout>
  );
}
