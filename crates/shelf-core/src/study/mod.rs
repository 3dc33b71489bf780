//! Study state: progress, notes, playlists, sharing, backup merge, schema. (in progress)
