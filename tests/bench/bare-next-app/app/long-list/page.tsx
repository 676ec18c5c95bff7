import { LongList } from "./long-list";

export const dynamic = "force-static";

export default function LongListPage() {
  return <LongList />;
}
