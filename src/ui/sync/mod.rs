//! The sync page: connect a storage, where syncing stands, the devices.

pub mod sync_page;
