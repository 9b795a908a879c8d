import { PageHeader } from '../ui/components';

export default function MembersPage() {
  return <PageHeader title="MembersPage" />;
}
