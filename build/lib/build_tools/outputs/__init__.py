"""Ways to hand a built course to learners besides a web server: an offline copy and a SCORM package."""
