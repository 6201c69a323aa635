/**
 * The user's "reduce motion" setting (prefers-reduced-motion): antd's animations and ECharts'
 * are turned off when it is set — an accessibility setting, and what makes screenshots taken by
 * scripts/screenshots.ts (which asks for it) show finished charts and dialogs.
 */
export const reducedMotion = (): boolean => typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/** An ECharts option with animation off when the user asked for reduced motion. */
export const chartOption = <T extends object>(option: T): T & { animation?: boolean } => (reducedMotion() ? { ...option, animation: false } : option);
