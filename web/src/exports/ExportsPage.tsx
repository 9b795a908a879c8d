import { PageHeader } from '../ui/components';

export default function ExportsPage() {
  return <PageHeader title="ExportsPage" />;
}
