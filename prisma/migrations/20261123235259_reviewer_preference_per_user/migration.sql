-- Preferences belong to a Docket user (one issuer's subject), not to a bare subject string; the table
-- was unused until now, so no row is carried over.
ALTER TABLE "reviewer_preference" DROP CONSTRAINT "reviewer_preference_pkey",
DROP COLUMN "subject",
ADD COLUMN     "user_id" UUID NOT NULL,
ADD CONSTRAINT "reviewer_preference_pkey" PRIMARY KEY ("user_id");

ALTER TABLE "reviewer_preference" ADD CONSTRAINT "reviewer_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
