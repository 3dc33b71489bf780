//! Growing the catalogue: how much the app holds, the sources it was loaded
//! from, and adding, refreshing and removing them (`loader`).

pub mod holdings;
pub mod job_status;
pub mod load_missing;
pub mod source_forms;
pub mod sources_page;
