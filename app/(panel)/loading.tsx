import { StateView } from "@/components/ui/state-view";

export default function Loading() {
  return <StateView state={{ kind: "loading", label: "Loading the latest data…" }} />;
}
