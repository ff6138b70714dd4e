import Testing

/// The parent of every loopback suite (transport contract and each network client), run one test at a
/// time.
///
/// Each test starts a server and a fresh transport and gives requests at most 2 s (0.5 s in the
/// slow-answer tests). Run all at once on a small shared machine, a hundred-odd servers and
/// URLSessions starve the two cooperative threads, and requests miss their deadline before they
/// are even sent; one at a time, the timeouts measure the client, not the machine.
@Suite("Network clients over loopback", .serialized)
enum ClientsOverLoopback {}
