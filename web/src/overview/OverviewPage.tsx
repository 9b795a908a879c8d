import { PageHeader } from '../ui/components';

export default function OverviewPage() {
  return <PageHeader title="OverviewPage" />;
}
