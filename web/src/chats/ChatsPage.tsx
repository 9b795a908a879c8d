import { PageHeader } from '../ui/components';

export default function ChatsPage() {
  return <PageHeader title="ChatsPage" />;
}
