import Syndicate

/// A composer that attaches no images, so a payload keeps its link card (images win over the
/// card on Bluesky and LinkedIn): for the tests of the card itself.
enum CardComposer {
    static let composer = Composer(configuration: ComposerConfiguration(images: .none))
}
