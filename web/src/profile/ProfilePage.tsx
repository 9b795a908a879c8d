import { PageHeader } from '../ui/components';

export default function ProfilePage() {
  return <PageHeader title="ProfilePage" />;
}
