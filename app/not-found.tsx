import Link from "next/link";

export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center p-4 text-center">
      <div>
        <h1 className="text-xl font-semibold">Not found</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">There is nothing at this address.</p>
        <Link href="/" className="mt-4 inline-block underline">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
