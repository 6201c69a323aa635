/** Selects used by the forms and filters of this feature: customers, staff, contacts, enums. */
import { useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import { useContacts, useCustomerOptions, useStaff } from '../api';

type Common = Omit<SelectProps, 'options'>;

export function CustomerPicker(props: Common) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useCustomerOptions(q);
  return <Select showSearch filterOption={false} onSearch={setQ} loading={isFetching} options={data?.items.map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))} {...props} />;
}

export function StaffSelect({ managersOnly, ...props }: Common & { managersOnly?: boolean }) {
  const { data, isLoading } = useStaff(managersOnly);
  return <Select showSearch optionFilterProp="label" loading={isLoading} options={data?.items.map((u) => ({ value: u.id, label: u.displayName }))} {...props} />;
}

export function ContactSelect({ customerId, ...props }: Common & { customerId?: number }) {
  const { data, isLoading } = useContacts(customerId);
  const { t } = useTranslation(NS);
  return (
    <Select
      showSearch
      optionFilterProp="label"
      loading={isLoading}
      disabled={!customerId}
      options={data?.items.map((c) => ({ value: c.id, label: `${c.name}（${t(`role.${c.role}`)}）` }))}
      {...props}
    />
  );
}

/** A select over a fixed list of codes, labelled through `<group>.<code>` translations. */
export function EnumSelect({ values, group, ...props }: Common & { values: readonly string[]; group: string }) {
  const { t } = useTranslation(NS);
  return <Select options={values.map((v) => ({ value: v, label: t(`${group}.${v}`) }))} {...props} />;
}
