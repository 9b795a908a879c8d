import { PageHeader } from '../ui/components';

export default function ChatDetailPage() {
  return <PageHeader title="ChatDetailPage" />;
}
