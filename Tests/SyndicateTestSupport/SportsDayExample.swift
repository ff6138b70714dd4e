import Foundation
import Syndicate

extension Fixtures {
    /// `Examples/Posts/sports-day.md` as the Markdown importer reads it (two local images with
    /// alt text), for test targets that cannot link the Markdown importer.
    /// `MarkdownImagesTests` (SyndicateImportTests) checks that the import still gives exactly this.
    public static var sportsDay: Post {
        Post(
            id: "https://school.example/news/sports-day-2026/",
            title: "Sports day: a relay in the rain and a medal for every house",
            url: URL(string: "https://school.example/news/sports-day-2026/"),
            summary: "Rain could not stop Year 6 finishing the relay, and every house went home with a medal.",
            paragraphs: [
                "Rain arrived ten minutes before the first race, and not one of our 240 pupils asked to go inside. Year 6 finished the relay to the loudest cheer of the afternoon.",
                "Kestrel house won the day on points, but every house took home at least one medal, and the Year 2 egg-and-spoon race needed a photo finish.",
                "Thank you to the parents who ran the refreshment stall and raised £412 for new playground equipment.",
            ],
            author: "Mr Okafor",
            published: Date(timeIntervalSince1970: 1_781_879_400),  // 2026-06-19T14:30:00Z
            tags: ["Sport", "Primary", "Events"],
            images: [
                Post.Image(url: example("images/sports-day-relay.jpg"), alt: "Year 6 pupils running the last leg of the relay across a wet school field"),
                Post.Image(url: example("images/sports-day-medals.png"), alt: "Three pupils from Kestrel, Heron and Owl houses holding up their medals in front of the pavilion"),
            ],
            language: "en-GB")
    }
}
