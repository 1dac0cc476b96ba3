// The calls page's feeds, carrying the filters the visitor chose (so a reader follows that search).
export const callFeedLinks = (filters: Record<string, string>) => {
  const qs = new URLSearchParams(filters).toString();
  const suffix = qs ? `?${qs}` : "";
  return [
    { href: `/calls.atom${suffix}`, type: "application/atom+xml", label: "feed.atom" as const },
    { href: `/calls.json${suffix}`, type: "application/feed+json", label: "feed.json" as const },
  ];
};
