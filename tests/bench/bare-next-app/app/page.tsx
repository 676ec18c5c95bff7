export default function BarePage() {
  return <p>A bare Next.js page.</p>;
}
