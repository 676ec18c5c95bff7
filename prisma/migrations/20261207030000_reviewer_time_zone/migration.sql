-- The zone a reviewer reads times in, remembered like the organisation; null means UTC.
ALTER TABLE "reviewer_preference" ADD COLUMN "time_zone" TEXT;
