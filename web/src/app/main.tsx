// antd 5 on React 19: the official compatibility patch (wave effect, static Modal/message); without it
// antd logs a compatibility warning as a console error on every page
import '@ant-design/v5-patch-for-react-19';
import { StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
// the ESM builds: the CJS 'antd/locale/*' re-export reached the bundle as { default } and antd fell back to English
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from './i18n';
import { router } from './router';
import { setUnauthenticatedHandler, ApiError } from '../lib/api';
import { ME_KEY } from './auth';
import { Loading } from '../components/States';
import { reducedMotion } from '../lib/motion';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2 },
  },
});
setUnauthenticatedHandler(() => queryClient.setQueryData(ME_KEY, null));

function Root() {
  const [lang, setLang] = useState(i18n.language);
  useEffect(() => {
    const on = (l: string) => setLang(l);
    i18n.on('languageChanged', on);
    return () => i18n.off('languageChanged', on);
  }, []);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
    document.title = lang === 'en' ? 'Qike — gas customer management' : '气客 · 天然气客户管理平台';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 4, motion: !reducedMotion() } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<Loading />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
