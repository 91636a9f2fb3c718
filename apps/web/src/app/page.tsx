export default function Home() {
  return <main>Taskboard</main>;
}
