import { PageHeader } from '../ui/components';

export default function ApiKeysPage() {
  return <PageHeader title="ApiKeysPage" />;
}
